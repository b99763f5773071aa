import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Panel } from '../components/Panel';
import { describePanel } from './describePanel';
import { PALETTE_ENTRIES, PALETTE_GROUPS, type PaletteEntry } from './palette';
import { usePickable } from './pickable';
import type { WallItem } from './wallItem';

/** The panels an officer can put on the wall: drag one onto a cell of the miniature, or pick it with Enter. */
export function PanelPalette() {
  const { t } = useTranslation();
  const hintId = useId();
  return (
    <Panel title={t('console.palette.title')} className="panel--palette">
      <p className="console-hint" id={hintId}>
        {t('console.palette.hint')}
      </p>
      {PALETTE_GROUPS.map((group) => (
        <section key={group} className="palette-group" aria-label={t(`console.palette.groups.${group}`)}>
          <h3 className="palette-group__title">{t(`console.palette.groups.${group}`)}</h3>
          <ul className="palette-group__items">
            {PALETTE_ENTRIES.filter((entry) => entry.group === group).map((entry) => (
              <li key={entry.id}>
                <PaletteItem entry={entry} hintId={hintId} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Panel>
  );
}

function PaletteItem({ entry, hintId }: { entry: PaletteEntry; hintId: string }) {
  const { t } = useTranslation();
  const label = describePanel(entry.panel, t);
  const item: WallItem = { type: 'panel', entry };
  const pickable = usePickable(item, label);
  return (
    <button type="button" className={`palette-item ${pickable.picked ? 'is-picked' : ''}`} data-palette-entry={entry.id} aria-describedby={hintId} {...pickable.props}>
      {label}
    </button>
  );
}
