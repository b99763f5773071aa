import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ControlState, DisplayControl } from '../../shared/wall/control';
import { useBridge } from '../bridge/BridgeContext';
import { useNow } from '../components/useNow';
import { freeDisplays, heldByMe, holdingOf, requestsToMe, secondsUntil } from '../stores/controlView';
import { selectControl, selectViewId } from '../stores/hooks';
import { useWallStore } from '../stores/wallStore';
import { usePlacement } from './placement';
import { describeRefusal } from './refusal';

/** Runs a control call; a refusal (a `conflict` naming the holder) goes to the live region. */
function useControlAction() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  async function run(displayIds: string[], action: () => Promise<ControlState>): Promise<void> {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      const { control, session } = useWallStore.getState();
      usePlacement.getState().announce(describeRefusal(error, { t, control, viewId: session?.viewId, displayIds }), 'error', control?.revision);
    } finally {
      setBusy(false);
    }
  }
  return { busy, run };
}

/**
 * Who holds each wall display, and this desk's moves: take a free display, release its own,
 * ask the holder of another's to hand it over; take or release them all at once.
 */
export function ControlBar() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const control = useWallStore(selectControl);
  const viewId = useWallStore(selectViewId);
  const { busy, run } = useControlAction();
  if (!control || control.displays.length === 0) return null;
  const mine = heldByMe(control, viewId);
  const free = freeDisplays(control);
  return (
    <div className="control-bar" role="group" aria-label={t('console.control.title')}>
      <ul className="control-bar__displays">
        {control.displays.map((display) => (
          <DisplayControlRow key={display.displayId} display={display} viewId={viewId} busy={busy} run={run} />
        ))}
      </ul>
      <div className="control-bar__all">
        <button type="button" className="button button--small" disabled={busy || free.length === 0} onClick={() => void run(free, () => bridge.takeControl(free))} data-control-action="take-all">
          {t('console.control.takeAll')}
        </button>
        <button type="button" className="button button--small" disabled={busy || mine.length === 0} onClick={() => void run(mine, () => bridge.releaseControl(mine))} data-control-action="release-all">
          {t('console.control.releaseAll')}
        </button>
      </div>
    </div>
  );
}

function DisplayControlRow({ display, viewId, busy, run }: { display: DisplayControl; viewId: string | undefined; busy: boolean; run: (ids: string[], action: () => Promise<ControlState>) => Promise<void> }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  useNow(1000); // re-render every second for the countdown, read against the clock right now
  const holding = holdingOf(display, viewId);
  const ids = [display.displayId];
  const name = t('session.display', { id: display.displayId });
  const myRequest = display.request !== null && display.request.viewId === viewId ? display.request : null;
  return (
    <li className={`control-row control-row--${holding}`} data-control-display={display.displayId} data-holding={holding}>
      <span className="control-row__name">{name}</span>
      <span className="control-row__holder">
        {holding === 'free' && t('console.control.free')}
        {holding === 'mine' && t('console.control.mine')}
        {holding === 'other' && t('console.control.heldBy', { desk: display.holder!.desk })}
      </span>
      {holding === 'free' && (
        <button type="button" className="button button--small" disabled={busy} onClick={() => void run(ids, () => bridge.takeControl(ids))} data-control-action="take" aria-label={t('console.control.takeOne', { display: name })}>
          {t('console.control.take')}
        </button>
      )}
      {holding === 'mine' && (
        <button type="button" className="button button--small" disabled={busy} onClick={() => void run(ids, () => bridge.releaseControl(ids))} data-control-action="release" aria-label={t('console.control.releaseOne', { display: name })}>
          {t('console.control.release')}
        </button>
      )}
      {holding === 'other' &&
        (myRequest ? (
          <span className="control-row__waiting" data-testid={`request-waiting-${display.displayId}`}>
            {t('console.control.requested', { desk: display.holder!.desk, seconds: secondsUntil(myRequest.grantsAt, Date.now()) })}
          </span>
        ) : (
          <button type="button" className="button button--small" disabled={busy} onClick={() => void run(ids, () => bridge.requestControl(ids))} data-control-action="request" aria-label={t('console.control.requestOne', { display: name, desk: display.holder!.desk })}>
            {t('console.control.request')}
          </button>
        ))}
    </li>
  );
}

/**
 * The holder's prompt when another desk asks for its displays: hand over or keep, with the
 * seconds left before the request is granted by itself (the holder may have left the desk).
 */
export function HandoverPrompt() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const control = useWallStore(selectControl);
  const viewId = useWallStore(selectViewId);
  useNow(1000); // re-render every second for the countdown, read against the clock right now
  const { busy, run } = useControlAction();
  const requests = requestsToMe(control, viewId);
  if (requests.length === 0) return null;
  const separator = t('console.listSeparator');
  const displayIds = [...new Set(requests.flatMap((r) => r.displayIds))];
  return (
    <section className="handover" aria-label={t('console.control.handoverTitle')} data-testid="handover-prompt">
      {requests.map((request) => (
        <div key={request.viewId} className="handover__request">
          {/* Only the request is announced; the countdown beside it ticks silently. */}
          <p className="handover__text" role="alert">
            {t('console.control.prompt', { desk: request.desk, displays: request.displayIds.map((id) => t('session.display', { id })).join(separator) })}
          </p>
          <p className="handover__countdown">{t('console.control.grantsIn', { seconds: secondsUntil(request.grantsAt, Date.now()) })}</p>
        </div>
      ))}
      <div className="handover__actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void run(displayIds, () => bridge.answerHandover(true))} data-handover="grant">
          {t('console.control.handOver')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void run(displayIds, () => bridge.answerHandover(false))} data-handover="keep">
          {t('console.control.keep')}
        </button>
      </div>
    </section>
  );
}
