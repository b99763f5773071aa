import { useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskCommandType } from '../../shared/domain/taskLifecycle';
import { isStrictlyBelow } from '../../shared/domain/units';
import type { CommandInput } from '../../shared/protocol/commands';
import type { UnitRef } from '../../shared/protocol/units';
import type { TaskView } from '../../shared/state/wallState';
import { useBridge } from '../bridge/BridgeContext';
import { SeverityBadge } from '../panels/incidents/SeverityBadge';
import { selectSession } from '../stores/hooks';
import { submitCommand } from '../stores/submitCommand';
import { useWallStore } from '../stores/wallStore';
import { actorOf, chainUnitBelow, formatSpan, isInFlight, latestTaskCommand, nextDeadline, offeredCommands, verbOf, type TaskVerb } from './inboxModel';
import { UnitPicker } from './UnitPicker';
import { useLookedUpUnitName } from './useLookedUpUnitName';

/** Verbs that ask for something before they go (a reason, a unit, a text, a score); the rest go on one click. */
const NEEDS_FORM: ReadonlySet<TaskVerb> = new Set(['return', 'redispatch', 'feedback', 'evaluate', 'escalate']);

/**
 * One task in the inbox: incident, severity, who sent it (or who holds it, on the dispatcher's
 * side), the note, the countdown to its next deadline, and the actions this console may take
 * now. Each action goes through the outbox; while one travels the item says so and offers no
 * other, and a refusal stays shown with its code.
 */
export function InboxItem({ task, side, nowMs }: { task: TaskView; side: 'received' | 'sent'; nowMs: number }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const session = useWallStore(selectSession);
  const incident = useWallStore((s) => s.wall.incidents[task.incidentId]);
  const lastCommand = useWallStore((s) => latestTaskCommand(s.outbox, task.taskId));
  const otherUnit = useLookedUpUnitName(side === 'received' ? task.fromUnit : task.toUnit);
  const [form, setForm] = useState<TaskVerb | null>(null);
  const sending = useRef(false);
  const [problem, setProblem] = useState<string | null>(null);
  const incidentUnits = incident?.units;
  const actor = useMemo(() => actorOf(session), [session]);
  const commands = useMemo(() => offeredCommands(actor, task, incidentUnits), [actor, task, incidentUnits]);
  const deadline = nextDeadline(task, nowMs);
  const supervised = task.overdue.length > 0 || deadline?.overdue === true;
  const travelling = isInFlight(lastCommand);

  async function send(input: CommandInput): Promise<void> {
    if (sending.current) return;
    sending.current = true;
    setProblem(null);
    const result = await submitCommand(bridge, useWallStore, input);
    sending.current = false;
    if (result.ok || result.field === '(bridge)') setForm(null);
    else setProblem(t('inbox.invalid', { field: result.field, message: result.message }));
  }

  function act(command: TaskCommandType) {
    const verb = verbOf(command);
    if (NEEDS_FORM.has(verb)) {
      setProblem(null);
      setForm(form === verb ? null : verb);
      return;
    }
    void send({ type: command, taskId: task.taskId } as CommandInput);
  }

  return (
    <li
      className={`inbox-task task-state--${task.state} ${supervised ? 'inbox-task--overdue' : ''}`}
      data-testid="inbox-task"
      data-task-id={task.taskId}
      data-state={task.state}
      data-side={side}
      tabIndex={-1}
    >
      <div className="inbox-task__head">
        {incident && <SeverityBadge severity={incident.severity} compact />}
        <span className="inbox-task__title">{incident?.title ?? task.incidentId}</span>
        <span className={`task-badge task-state--${task.state}`}>{t(`taskState.${task.state}`)}</span>
        {task.leadTaskId !== undefined && <span className="tag">{t('inbox.cooperating')}</span>}
        {supervised && <span className="tag tag--alert inbox-task__supervised">{t('inbox.supervised')}</span>}
      </div>
      <div className="inbox-task__meta">
        <span>{side === 'received' ? t('inbox.from', { unit: otherUnit }) : t('inbox.to', { unit: otherUnit })}</span>
        {deadline && (
          <span className={`inbox-task__deadline ${deadline.overdue ? 'inbox-task__deadline--overdue' : ''}`} data-testid="task-deadline" data-step={deadline.step} data-overdue={deadline.overdue || undefined}>
            {t(`inbox.deadline.${deadline.step}`)}{' '}
            <time dateTime={deadline.at}>{deadline.msLeft < 0 ? t('inbox.overdueBy', { time: formatSpan(deadline.msLeft) }) : t('inbox.remaining', { time: formatSpan(deadline.msLeft) })}</time>
          </span>
        )}
        {task.score !== undefined && <span>{t('inbox.score', { count: task.score })}</span>}
      </div>
      {task.note && <p className="inbox-task__note">{t('inbox.note', { note: task.note })}</p>}
      {commands.length > 0 && (
        <div className="inbox-task__actions" role="group" aria-label={t('inbox.actionsFor', { title: incident?.title ?? task.incidentId })}>
          {commands.map((command) => {
            const verb = verbOf(command);
            return (
              <button
                key={command}
                type="button"
                className={`button button--small ${verb === 'accept' || verb === 'arrive' ? 'button--primary' : ''}`}
                disabled={travelling}
                aria-expanded={NEEDS_FORM.has(verb) ? form === verb : undefined}
                onClick={() => act(command)}
                data-testid={`task-action-${verb}`}
              >
                {t(`inbox.actions.${verb}`)}
              </button>
            );
          })}
        </div>
      )}
      {form && !travelling && <ActionForm verb={form} task={task} incidentUnits={incidentUnits ?? []} onSend={send} onCancel={() => setForm(null)} />}
      <TaskCommandStatus item={lastCommand} />
      <p className="inbox-task__problem" role="alert">
        {problem}
      </p>
    </li>
  );
}

/** The newest command of this task while it travels, or its refusal. */
function TaskCommandStatus({ item }: { item: ReturnType<typeof latestTaskCommand> }) {
  const { t } = useTranslation();
  if (!item || item.status === 'acknowledged') return null;
  const action = t(`inbox.actions.${verbOf(item.command.type as TaskCommandType)}`);
  if (item.status === 'rejected') {
    const error = item.ack && !item.ack.ok ? item.ack.error : { code: 'unavailable', message: '' };
    return (
      <p className="inbox-task__status inbox-task__status--rejected" data-testid="task-status" data-outbox-status="rejected" data-code={error.code} role="status">
        {t('inbox.status.rejected', { action, code: error.code, message: error.message })}
      </p>
    );
  }
  return (
    <p className={`inbox-task__status inbox-task__status--${item.status}`} data-testid="task-status" data-outbox-status={item.status} role="status">
      {t(`inbox.status.${item.status}`, { action })}
    </p>
  );
}

interface ActionFormProps {
  verb: TaskVerb;
  task: TaskView;
  incidentUnits: readonly string[];
  onSend(input: CommandInput): Promise<void>;
  onCancel(): void;
}

/** What an action needs before it goes: a reason, a unit, a text or a score; Esc leaves it. */
function ActionForm({ verb, task, incidentUnits, onSend, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const session = useWallStore(selectSession);
  const fieldId = useId();
  const [text, setText] = useState('');
  const [score, setScore] = useState<number | null>(null);
  const own = session?.unit;
  const defaultTarget = own ? chainUnitBelow(incidentUnits, own.code) : null;
  const [target, setTarget] = useState<string | null>(defaultTarget);
  const [busy, setBusy] = useState(false);
  const quick = useMemo(() => (own ? incidentUnits.filter((code) => isStrictlyBelow(code, own.code)) : []), [incidentUnits, own]);

  const input = ((): CommandInput | null => {
    const trimmed = text.trim();
    switch (verb) {
      case 'return':
        return trimmed ? { type: 'task.return', taskId: task.taskId, reason: trimmed } : null;
      case 'feedback':
        return trimmed ? { type: 'task.feedback', taskId: task.taskId, text: trimmed } : null;
      case 'escalate':
        return { type: 'task.escalate', taskId: task.taskId, ...(trimmed ? { reason: trimmed } : {}) };
      case 'evaluate':
        return score === null ? null : { type: 'task.evaluate', taskId: task.taskId, score };
      case 'redispatch':
        return target === null ? null : { type: 'task.redispatch', taskId: task.taskId, toUnit: target, ...(trimmed ? { note: trimmed } : {}) };
      default:
        return null;
    }
  })();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!input || busy) return;
    setBusy(true);
    await onSend(input);
    setBusy(false);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
    }
  }

  const textLabel = verb === 'return' ? t('inbox.form.reason') : verb === 'feedback' ? t('inbox.form.feedback') : verb === 'escalate' ? t('inbox.form.escalateReason') : t('inbox.form.note');
  return (
    <form className="inbox-form" onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} data-testid="task-form" data-verb={verb}>
      {verb === 'redispatch' && own && (
        <UnitPicker root={own} quick={quick} selected={target} label={t('inbox.form.target')} onPick={(unit: UnitRef) => setTarget(unit.code)} />
      )}
      {verb === 'evaluate' ? (
        <fieldset className="inbox-form__score">
          <legend>{t('inbox.form.score')}</legend>
          {[1, 2, 3, 4, 5].map((n) => (
            <button key={n} type="button" className="button button--small" aria-pressed={score === n} onClick={() => setScore(n)} data-score={n}>
              {t('inbox.score', { count: n })}
            </button>
          ))}
        </fieldset>
      ) : (
        <>
          <label htmlFor={fieldId}>{textLabel}</label>
          {verb === 'feedback' ? (
            <textarea id={fieldId} rows={3} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} required autoFocus data-testid="task-form-text" />
          ) : (
            <input id={fieldId} type="text" maxLength={500} value={text} onChange={(e) => setText(e.target.value)} required={verb === 'return'} autoFocus={verb !== 'redispatch'} data-testid="task-form-text" />
          )}
        </>
      )}
      <div className="inbox-form__actions">
        <button type="submit" className="button button--primary button--small" disabled={!input || busy} data-testid="task-action-submit">
          {t('inbox.form.submit', { action: t(`inbox.actions.${verb}`) })}
        </button>
        <button type="button" className="button button--ghost button--small" onClick={onCancel}>
          {t('inbox.form.cancel')}
        </button>
      </div>
    </form>
  );
}
