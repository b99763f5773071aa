import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CITY_CODE, levelOfCode } from '../../../shared/domain/units';
import { taskTimeline } from '../../../shared/state/incidentReview';
import { SUPERVISED_STEPS, supervisionBoard, tasksOfUnit, type SupervisionRow, type TaskFilter } from '../../../shared/state/supervision';
import type { TaskView } from '../../../shared/state/wallState';
import type { SupervisionPanelSettings } from '../../../shared/wall/panels';
import { Panel } from '../../components/Panel';
import { selectTasks, useUnitName } from '../../stores/hooks';
import { useWallStore } from '../../stores/wallStore';
import { FittedList, HELD_ROW_CLASS } from '../../theme/FittedList';
import { formatMedianMinutes } from '../review/format';
import { entryUnits, TimelineRow } from '../review/TimelineRow';
import { useChildUnits, useUnitNameLookups } from './useUnits';
import './supervision.css';

/** Where the board stands: a unit's children, the tasks behind a count, or one task's steps. */
type Drill = { kind: 'units' } | { kind: 'tasks'; unit: string; own: boolean; filter: TaskFilter } | { kind: 'task'; taskId: string; list: { unit: string; own: boolean; filter: TaskFilter } };

/**
 * 督办: the subordinate units of a unit (the wall's own by default) with their open, overdue and
 * escalated tasks and the median minutes of each step, worst first, overdue in red. A unit's
 * name opens its own children, a count the tasks behind it, a task its steps; the breadcrumb
 * (or Escape) goes back.
 */
export function SupervisionPanel({ settings }: { settings: SupervisionPanelSettings; cellId: string }) {
  const sessionUnit = useWallStore((s) => s.session?.unit?.code);
  const root = settings.unit ?? sessionUnit ?? CITY_CODE;
  return <SupervisionView key={root} root={root} />;
}

function SupervisionView({ root }: { root: string }) {
  const { t } = useTranslation();
  const [path, setPath] = useState<string[]>([root]);
  const [drill, setDrill] = useState<Drill>({ kind: 'units' });
  const unit = path[path.length - 1]!;
  const unitName = useUnitName(unit);
  useUnitNameLookups(path);

  function openUnit(code: string) {
    setPath([...path, code]);
    setDrill({ kind: 'units' });
  }
  function goToLevel(index: number) {
    setPath(path.slice(0, index + 1));
    setDrill({ kind: 'units' });
  }
  function back() {
    if (drill.kind === 'task') setDrill({ kind: 'tasks', ...drill.list });
    else if (drill.kind === 'tasks') setDrill({ kind: 'units' });
    else if (path.length > 1) goToLevel(path.length - 2);
  }
  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape' && event.key !== 'Backspace') return;
    if (event.target instanceof HTMLInputElement) return;
    event.preventDefault();
    back();
  }

  const crumbs = (
    <nav className="supervision-crumbs" aria-label={t('supervision.crumbs')}>
      {path.map((code, index) => (
        <Crumb key={code} code={code} current={index === path.length - 1 && drill.kind === 'units'} onClick={() => goToLevel(index)} />
      ))}
      {drill.kind !== 'units' && (
        <FilterCrumb filter={drill.kind === 'tasks' ? drill.filter : drill.list.filter} current={drill.kind === 'tasks'} onClick={() => drill.kind === 'task' && setDrill({ kind: 'tasks', ...drill.list })} />
      )}
      {drill.kind === 'task' && (
        <span className="supervision-crumbs__item" aria-current="page">
          {t('supervision.taskSteps')}
        </span>
      )}
    </nav>
  );

  return (
    <Panel title={t('supervision.title', { unit: unitName })} className="panel--supervision" aside={path.length > 1 || drill.kind !== 'units' ? crumbs : undefined}>
      <div className="supervision" onKeyDown={onKeyDown} data-unit={unit} data-drill={drill.kind}>
        {drill.kind === 'units' && <UnitsBoard unit={unit} onUnit={openUnit} onCount={(row, filter) => setDrill({ kind: 'tasks', unit: row.unit, own: row.own, filter })} />}
        {drill.kind === 'tasks' && <TaskList unit={drill.unit} own={drill.own} filter={drill.filter} onTask={(taskId) => setDrill({ kind: 'task', taskId, list: { unit: drill.unit, own: drill.own, filter: drill.filter } })} />}
        {drill.kind === 'task' && <TaskSteps taskId={drill.taskId} />}
      </div>
    </Panel>
  );
}

function Crumb({ code, current, onClick }: { code: string; current: boolean; onClick: () => void }) {
  const name = useUnitName(code);
  if (current) {
    return (
      <span className="supervision-crumbs__item" aria-current="page">
        {name}
      </span>
    );
  }
  return (
    <button type="button" className="supervision-crumbs__item" data-crumb={code} onClick={onClick}>
      {name}
    </button>
  );
}

function FilterCrumb({ filter, current, onClick }: { filter: TaskFilter; current: boolean; onClick: () => void }) {
  const { t } = useTranslation();
  const label = t(`supervision.${filter}`);
  if (current) {
    return (
      <span className="supervision-crumbs__item" aria-current="page">
        {label}
      </span>
    );
  }
  return (
    <button type="button" className="supervision-crumbs__item" data-crumb="tasks" onClick={onClick}>
      {label}
    </button>
  );
}

const COUNTS = ['open', 'overdue', 'escalated'] as const;

function UnitsBoard({ unit, onUnit, onCount }: { unit: string; onUnit: (code: string) => void; onCount: (row: SupervisionRow, filter: TaskFilter) => void }) {
  const { t } = useTranslation();
  const tasks = useWallStore(selectTasks);
  const children = useChildUnits(unit);
  const board = useMemo(() => supervisionBoard(tasks, unit, children), [tasks, unit, children]);
  useUnitNameLookups(useMemo(() => board.rows.map((row) => row.unit), [board]));
  return (
    <>
      <Totals row={board.totals} onCount={(filter) => onCount(board.totals, filter)} />
      <div className="supervision-row supervision-row--head" aria-hidden="true">
        <span>{t('supervision.unit')}</span>
        {COUNTS.map((count) => (
          <span key={count} className="supervision-row__count">
            {t(`supervision.${count}`)}
          </span>
        ))}
        {SUPERVISED_STEPS.map((step) => (
          <span key={step} className="supervision-row__median" title={t(`supervision.stepsLong.${step}`)}>
            {t(`supervision.steps.${step}`)}
          </span>
        ))}
      </div>
      {board.rows.length === 0 ? (
        <p className="empty">{t('supervision.noUnits')}</p>
      ) : (
        <FittedList
          className="supervision-rows"
          items={board.rows}
          itemKey={(row) => `${row.unit}${row.own ? ':own' : ''}`}
          renderItem={(row, held) => <UnitRow row={row} held={held} onUnit={onUnit} onCount={onCount} />}
        />
      )}
    </>
  );
}

function Totals({ row, onCount }: { row: SupervisionRow; onCount: (filter: TaskFilter) => void }) {
  const { t } = useTranslation();
  return (
    <div className="supervision-totals" data-testid="supervision-totals">
      {COUNTS.map((count) => (
        <button
          key={count}
          type="button"
          className={`supervision-total supervision-total--${count} ${row[count] > 0 ? 'is-nonzero' : ''}`}
          data-count={count}
          onClick={() => onCount(count)}
          aria-label={t('supervision.countOf', { unit: t('supervision.totals'), filter: t(`supervision.${count}`), count: row[count] })}
        >
          <span className="supervision-total__label">{t(`supervision.${count}`)}</span>
          <strong className="supervision-total__value">{row[count]}</strong>
        </button>
      ))}
      <div className="supervision-medians" role="group" aria-label={t('supervision.medians')}>
        <span className="supervision-medians__title" aria-hidden="true">
          {t('supervision.medians')}
        </span>
        {SUPERVISED_STEPS.map((step) => (
          <dl key={step} className="supervision-median" data-step={step}>
            <dt>{t(`supervision.steps.${step}`)}</dt>
            <dd>{formatMedianMinutes(row.medians[step])}</dd>
          </dl>
        ))}
      </div>
    </div>
  );
}

function UnitRow({ row, held, onUnit, onCount }: { row: SupervisionRow; held: boolean; onUnit: (code: string) => void; onCount: (row: SupervisionRow, filter: TaskFilter) => void }) {
  const { t } = useTranslation();
  const name = useUnitName(row.unit);
  const label = row.own ? t('supervision.own', { unit: name }) : name;
  // A grid (the lowest level) has no units below it; the unit's own level opens its tasks.
  const canDrill = !row.own && levelOfCode(row.unit) !== 'grid';
  return (
    <li className={`supervision-row ${row.overdue > 0 ? 'supervision-row--overdue' : ''} ${held ? HELD_ROW_CLASS : ''}`} data-unit={row.unit} data-own={row.own || undefined}>
      {canDrill ? (
        <button type="button" className="supervision-row__unit" onClick={() => onUnit(row.unit)} aria-label={t('supervision.drillDown', { unit: label })}>
          {label}
        </button>
      ) : (
        <button type="button" className="supervision-row__unit" onClick={() => onCount(row, 'all')}>
          {label}
        </button>
      )}
      {COUNTS.map((count) => (
        <button
          key={count}
          type="button"
          className={`supervision-row__count supervision-count--${count} ${row[count] > 0 ? 'is-nonzero' : ''}`}
          data-count={count}
          disabled={row[count] === 0}
          onClick={() => onCount(row, count)}
          aria-label={t('supervision.countOf', { unit: label, filter: t(`supervision.${count}`), count: row[count] })}
        >
          {row[count]}
        </button>
      ))}
      {SUPERVISED_STEPS.map((step) => (
        <span key={step} className="supervision-row__median" data-step={step}>
          {formatMedianMinutes(row.medians[step])}
        </span>
      ))}
    </li>
  );
}

function TaskList({ unit, own, filter, onTask }: { unit: string; own: boolean; filter: TaskFilter; onTask: (taskId: string) => void }) {
  const { t } = useTranslation();
  const tasks = useWallStore(selectTasks);
  const list = useMemo(() => tasksOfUnit(tasks, unit, filter, own), [tasks, unit, filter, own]);
  useUnitNameLookups(useMemo(() => [...new Set(list.map((task) => task.toUnit))], [list]));
  const name = useUnitName(unit);
  return (
    <>
      <p className="supervision__caption">{t('supervision.tasksOf', { unit: own ? t('supervision.own', { unit: name }) : name, filter: t(`supervision.${filter}`) })}</p>
      {list.length === 0 ? (
        <p className="empty">{t('supervision.noTasks')}</p>
      ) : (
        <FittedList className="supervision-tasks" items={list} itemKey={(task) => task.taskId} renderItem={(task, held) => <TaskRow task={task} held={held} onTask={onTask} />} />
      )}
    </>
  );
}

function TaskRow({ task, held, onTask }: { task: TaskView; held: boolean; onTask: (taskId: string) => void }) {
  const { t } = useTranslation();
  const incident = useWallStore((s) => s.wall.incidents[task.incidentId]?.title ?? task.incidentId);
  const unitName = useUnitName(task.toUnit);
  return (
    <li className={`supervision-task ${held ? HELD_ROW_CLASS : ''}`} data-task-id={task.taskId}>
      <button type="button" onClick={() => onTask(task.taskId)} aria-label={t('supervision.openTask', { incident })}>
        <span className={`task-badge task-state--${task.state}`}>{t(`taskState.${task.state}`)}</span>
        <span className="supervision-task__title">{incident}</span>
        <span className="supervision-task__unit">{unitName}</span>
        <span className="supervision-task__tags">
          {task.overdue.length > 0 && <span className="tag tag--alert">{t('tasks.overdue')}</span>}
          {task.escalated && <span className="tag tag--warn">{t('tasks.escalated')}</span>}
        </span>
      </button>
    </li>
  );
}

function TaskSteps({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const task = useWallStore((s) => s.wall.tasks[taskId]);
  const incident = useWallStore((s) => (task ? s.wall.incidents[task.incidentId] : undefined));
  const entries = useMemo(() => (task ? taskTimeline(task, incident?.reportedAt) : []), [task, incident?.reportedAt]);
  const unitName = useUnitName(task?.toUnit);
  useUnitNameLookups(useMemo(() => entryUnits(entries), [entries]));
  if (!task) return <p className="empty">{t('supervision.unknownTask')}</p>;
  return (
    <>
      <p className="supervision__caption" data-task-id={task.taskId}>
        <span className={`task-badge task-state--${task.state}`}>{t(`taskState.${task.state}`)}</span> {t('supervision.taskOf', { incident: incident?.title ?? task.incidentId, unit: unitName })}
      </p>
      {entries.length === 0 ? (
        <p className="empty">{t('supervision.noSteps')}</p>
      ) : (
        <FittedList className="task-timeline" items={entries} itemKey={(entry) => entry.key} renderItem={(entry, held) => <TimelineRow entry={entry} held={held} />} />
      )}
    </>
  );
}
