import { useTranslation } from 'react-i18next';
import { Panel } from '../components/Panel';
import { selectControl, selectLayout } from '../stores/hooks';
import { useWallStore } from '../stores/wallStore';
import { ControlBar } from './ControlBar';
import { describePanel } from './describePanel';
import { cancelPick, usePlacement } from './placement';
import { isCurrent } from './refusal';
import { WallMiniature } from './WallMiniature';
import './consoleDesk.css';

/** The console's view of the wall: the live miniature to drop on, who controls which display, and what just happened. */
export function WallDeskPanel() {
  const { t } = useTranslation();
  const layout = useWallStore(selectLayout);
  return (
    <Panel title={t('console.wall.title')} className="panel--wall-desk" aside={<PickedItem />}>
      {layout ? <WallMiniature state={layout} /> : <p className="empty">{t('console.wall.noLayout')}</p>}
      <ControlBar />
      <PlacementStatus />
    </Panel>
  );
}

/** The item picked by keyboard, until it is placed or dropped; a button drops it too. */
function PickedItem() {
  const { t } = useTranslation();
  const picked = usePlacement((s) => s.picked);
  if (!picked) return null;
  const name = picked.type === 'panel' ? describePanel(picked.entry.panel, t) : picked.name;
  return (
    <div className="picked-item" data-testid="picked-item">
      <span>{t('console.place.carrying', { item: name })}</span>
      <button type="button" className="button button--small button--ghost" onClick={() => cancelPick(t('console.place.cancelled'))}>
        {t('console.place.cancel')}
      </button>
    </div>
  );
}

/**
 * One live region for the console's layout work (picks, placements, control moves): success in
 * a polite status, refusals in an alert. Both stay mounted so screen readers hear each change.
 */
function PlacementStatus() {
  const announcement = usePlacement((s) => s.announcement);
  const control = useWallStore(selectControl);
  const info = announcement?.kind === 'info' ? announcement : null;
  const error = announcement?.kind === 'error' && isCurrent(announcement, control) ? announcement : null;
  return (
    <div className="placement-status">
      <p className="console-notice console-notice--info" role="status" data-testid="placement-status">
        {info?.text}
      </p>
      <p className="console-notice console-notice--error" role="alert" data-testid="placement-error">
        {error?.text}
      </p>
    </div>
  );
}
