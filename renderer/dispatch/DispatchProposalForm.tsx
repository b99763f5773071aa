import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CITY_CODE, isStrictlyBelow, levelOfCode } from '../../shared/domain/units';
import { DispatchProposal } from '../../shared/protocol/dispatch';
import type { UnitRef } from '../../shared/protocol/units';
import type { IncidentView } from '../../shared/state/wallState';
import { parseAtEdge } from '../../shared/validation';
import { useBridge } from '../bridge/BridgeContext';
import { errorCodeOf } from '../console/refusal';
import { lookUpUnitNames } from '../stores/connectUnitNames';
import { selectSession } from '../stores/hooks';
import { submitCommand } from '../stores/submitCommand';
import { useWallStore } from '../stores/wallStore';
import { chainUnitBelow } from './inboxModel';
import { UnitPicker } from './UnitPicker';
import './dispatch.css';

/** The hub allows this many cooperating units on one dispatch. */
const MAX_COOPERATING = 12;

type Loaded =
  | { status: 'loading' }
  | { status: 'ready'; proposal: DispatchProposal }
  /** `blocked`: the hub said this centre may not dispatch it (forbidden); otherwise pick by hand. */
  | { status: 'failed'; code: string; message: string; blocked: boolean };

/**
 * The hub's proposal for dispatching one incident, inline under its row: lead and cooperating
 * units, SLA and the rule's reason, confirmed with one click. The officer may pick another lead,
 * add or remove cooperating units, write a note and set a close-by deadline. Confirming sends one
 * `task.dispatch` (one command id per confirmation) and closes; the row then shows where it stands.
 */
export function DispatchProposalForm({ incident, onClose }: { incident: IncidentView; onClose(): void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const session = useWallStore(selectSession);
  const caller: UnitRef = session?.unit ?? { code: incident.units[0] ?? CITY_CODE, level: levelOfCode(incident.units[0] ?? CITY_CODE), name: incident.units[0] ?? CITY_CODE };
  const quick = useMemo(() => incident.units.filter((code) => isStrictlyBelow(code, caller.code)), [incident.units, caller.code]);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [lead, setLead] = useState<UnitRef | null>(null);
  const [cooperating, setCooperating] = useState<UnitRef[]>([]);
  const [picking, setPicking] = useState<'lead' | 'cooperating' | null>(null);
  const [note, setNote] = useState('');
  const [deadline, setDeadline] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const sent = useRef(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const noteId = useId();
  const deadlineId = useId();

  useEffect(() => {
    let live = true;
    const remember = (unit: UnitRef) => useWallStore.getState().rememberUnitName(unit.code, unit.name);
    bridge
      .query({ kind: 'dispatchProposal', incidentId: incident.incidentId })
      .then((raw) => {
        const parsed = parseAtEdge(DispatchProposal, raw);
        if (!parsed.ok) throw Object.assign(new Error(parsed.message), { code: 'invalid' });
        if (!live) return;
        [parsed.value.lead, ...parsed.value.cooperating].forEach(remember);
        setLoaded({ status: 'ready', proposal: parsed.value });
        setLead(parsed.value.lead);
        setCooperating(parsed.value.cooperating.slice(0, MAX_COOPERATING));
      })
      .catch((error: unknown) => {
        if (!live) return;
        const code = errorCodeOf(error) ?? 'unavailable';
        const message = error instanceof Error ? error.message : String(error);
        setLoaded({ status: 'failed', code, message, blocked: code === 'forbidden' || code === 'unauthorized' });
        // Without the hub's word (offline, say) the incident's own unit below this one is the usual lead.
        const fallback = chainUnitBelow(incident.units, caller.code);
        if (fallback) {
          lookUpUnitNames(bridge, useWallStore, [fallback]);
          setLead({ code: fallback, level: levelOfCode(fallback), name: useWallStore.getState().unitNames[fallback] ?? fallback });
        }
      });
    return () => {
      live = false;
    };
    // Fetched once per opening: the caller's unit does not change while the proposal is open.
  }, [bridge, incident.incidentId]);

  const blocked = loaded.status === 'failed' && loaded.blocked;
  const ready = loaded.status !== 'loading' && !blocked;
  useEffect(() => {
    if (ready) confirmRef.current?.focus();
  }, [ready]);

  function pickLead(unit: UnitRef) {
    useWallStore.getState().rememberUnitName(unit.code, unit.name);
    setLead(unit);
    setCooperating((list) => list.filter((u) => u.code !== unit.code));
    setPicking(null);
  }

  function addCooperating(unit: UnitRef) {
    useWallStore.getState().rememberUnitName(unit.code, unit.name);
    setCooperating((list) => (list.some((u) => u.code === unit.code) || list.length >= MAX_COOPERATING ? list : [...list, unit]));
    setPicking(null);
  }

  async function confirm() {
    if (sent.current || !lead) return;
    let deadlineIso: string | undefined;
    if (deadline) {
      const at = new Date(deadline);
      if (Number.isNaN(at.getTime()) || at.getTime() <= Date.now()) return setProblem(t('dispatch.deadlinePast'));
      deadlineIso = at.toISOString();
    }
    sent.current = true;
    setSending(true);
    setProblem(null);
    const result = await submitCommand(bridge, useWallStore, {
      type: 'task.dispatch',
      incidentId: incident.incidentId,
      toUnit: lead.code,
      ...(cooperating.length > 0 ? { cooperating: cooperating.map((u) => u.code) } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(deadlineIso ? { deadline: deadlineIso } : {}),
    });
    // Queued (or refused by a dead bridge, which the outbox records): the row says where it stands.
    if (result.ok || result.field === '(bridge)') return onClose();
    sent.current = false;
    setSending(false);
    setProblem(t('dispatch.invalid', { field: result.field, message: result.message }));
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
  }

  const proposal = loaded.status === 'ready' ? loaded.proposal : null;
  return (
    <div className="dispatch-proposal" data-testid="dispatch-proposal" data-incident-id-for={incident.incidentId} role="region" aria-label={t('dispatch.title', { title: incident.title })} onKeyDown={onKeyDown}>
      {loaded.status === 'loading' && <p className="dispatch-proposal__note">{t('dispatch.loading')}</p>}
      {loaded.status === 'failed' && (
        <p className="dispatch-proposal__note dispatch-proposal__note--error" role="alert" data-testid="dispatch-error" data-code={loaded.code}>
          {loaded.blocked ? t('dispatch.forbidden', { code: loaded.code, message: loaded.message }) : t('dispatch.proposalFailed', { code: loaded.code, message: loaded.message })}
        </p>
      )}
      {!blocked && loaded.status !== 'loading' && (
        <>
          <dl className="dispatch-proposal__facts">
            <div>
              <dt>{t('dispatch.lead')}</dt>
              <dd>
                {lead ? (
                  <>
                    <strong className="dispatch-proposal__lead" data-testid="dispatch-lead" data-unit-code={lead.code}>
                      <UnitName unit={lead} />
                    </strong>
                    <span className="tag">{t(`dispatch.level.${lead.level}`)}</span>
                  </>
                ) : (
                  <span className="dispatch-proposal__missing">{t('dispatch.noLead')}</span>
                )}
                <button type="button" className="button button--small" aria-expanded={picking === 'lead'} onClick={() => setPicking(picking === 'lead' ? null : 'lead')} data-testid="dispatch-change-lead">
                  {t('dispatch.changeLead')}
                </button>
              </dd>
            </div>
            <div>
              <dt>{t('dispatch.cooperating')}</dt>
              <dd>
                {cooperating.length === 0 && <span className="dispatch-proposal__missing">{t('dispatch.noCooperating')}</span>}
                <ul className="dispatch-proposal__chips">
                  {cooperating.map((unit) => (
                    <li key={unit.code} className="unit-chip" data-testid="dispatch-cooperating" data-unit-code={unit.code}>
                      <UnitName unit={unit} />
                      <span className="unit-chip__level">{t(`dispatch.level.${unit.level}`)}</span>
                      <button
                        type="button"
                        className="unit-chip__remove"
                        aria-label={t('dispatch.remove', { unit: unit.name })}
                        onClick={() => setCooperating((list) => list.filter((u) => u.code !== unit.code))}
                      >
                        ×
                      </button>
                    </li>
                  ))}
                </ul>
                <button
                  type="button"
                  className="button button--small"
                  aria-expanded={picking === 'cooperating'}
                  disabled={cooperating.length >= MAX_COOPERATING}
                  onClick={() => setPicking(picking === 'cooperating' ? null : 'cooperating')}
                  data-testid="dispatch-add-cooperating"
                >
                  {t('dispatch.addCooperating')}
                </button>
              </dd>
            </div>
            <div>
              <dt>{t('dispatch.sla')}</dt>
              <dd data-testid="dispatch-sla">{proposal ? t('dispatch.slaValue', proposal.sla) : t('dispatch.slaUnknown')}</dd>
            </div>
            {proposal && (
              <div>
                <dt>{t('dispatch.reason')}</dt>
                <dd data-testid="dispatch-reason">
                  {proposal.reason} <span className="dispatch-proposal__rule">{t('dispatch.rule', { rule: proposal.rule })}</span>
                </dd>
              </div>
            )}
          </dl>
          {picking && (
            <UnitPicker
              root={caller}
              quick={quick}
              label={picking === 'lead' ? t('dispatch.pickLead') : t('dispatch.pickCooperating')}
              disabled={picking === 'lead' ? [] : [...(lead ? [lead.code] : []), ...cooperating.map((u) => u.code)]}
              onPick={picking === 'lead' ? pickLead : addCooperating}
              onCancel={() => setPicking(null)}
            />
          )}
          <div className="dispatch-proposal__extra">
            <label htmlFor={noteId}>{t('dispatch.note')}</label>
            <input id={noteId} type="text" maxLength={500} value={note} placeholder={t('dispatch.notePlaceholder')} onChange={(e) => setNote(e.target.value)} data-testid="dispatch-note" />
            <label htmlFor={deadlineId}>{t('dispatch.deadline')}</label>
            <input id={deadlineId} type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} data-testid="dispatch-deadline" />
          </div>
        </>
      )}
      <div className="dispatch-proposal__actions">
        {!blocked && (
          <button ref={confirmRef} type="button" className="button button--primary" disabled={!ready || !lead || sending} onClick={() => void confirm()} data-testid="dispatch-confirm">
            {sending ? t('dispatch.sending') : t('dispatch.confirm')}
          </button>
        )}
        <button type="button" className="button button--ghost" onClick={onClose} data-testid="dispatch-cancel">
          {t('dispatch.cancel')}
        </button>
        <p className="dispatch-proposal__note dispatch-proposal__note--error" role="alert">
          {problem}
        </p>
      </div>
    </div>
  );
}

/** The unit's name; one known only by its code shows the looked-up name once it arrives. */
function UnitName({ unit }: { unit: UnitRef }) {
  const looked = useWallStore((s) => s.unitNames[unit.code]);
  return <>{unit.name !== unit.code ? unit.name : (looked ?? unit.code)}</>;
}
