import { useTranslation } from 'react-i18next';
import { TASK_STATES } from '../../../shared/domain/taskLifecycle';
import type { TaskView } from '../../../shared/state/wallState';
import { Panel } from '../../components/Panel';
import { useLatestTasks, useTasksByState, useTaskSummary, useUnitName } from '../../stores/hooks';
import { useWallStore } from '../../stores/wallStore';
import { FittedList, HELD_ROW_CLASS } from '../../theme/FittedList';
import './tasks.css';

/** Open, overdue and escalated totals, then a count per state. */
export function TaskStateCounts() {
  const { t } = useTranslation();
  const counts = useTasksByState();
  const summary = useTaskSummary();
  return (
    <div className="task-counts">
      <dl className="task-summary">
        <div className="task-summary__item" data-testid="tasks-open">
          <dt>{t('tasks.open')}</dt>
          <dd>{summary.open}</dd>
        </div>
        <div className={`task-summary__item ${summary.overdue ? 'task-summary__item--alert' : ''}`} data-testid="tasks-overdue">
          <dt>{t('tasks.overdue')}</dt>
          <dd>{summary.overdue}</dd>
        </div>
        <div className={`task-summary__item ${summary.escalated ? 'task-summary__item--warn' : ''}`}>
          <dt>{t('tasks.escalated')}</dt>
          <dd>{summary.escalated}</dd>
        </div>
      </dl>
      <ul className="task-states">
        {TASK_STATES.map((state) => (
          <li key={state} className={`task-states__item task-state--${state}`} data-testid={`task-count-${state}`}>
            <span>{t(`taskState.${state}`)}</span>
            <strong>{counts[state]}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function TaskStatePanel() {
  const { t } = useTranslation();
  return (
    <Panel title={t('tasks.title')} className="panel--tasks">
      <TaskStateCounts />
    </Panel>
  );
}

/** Wall: the latest task activity, one line each: state, incident, the unit holding it. */
export function TaskFeedPanel({ limit = 8 }: { limit?: number }) {
  const { t } = useTranslation();
  const tasks = useLatestTasks(limit);
  return (
    <Panel title={t('tasks.feed')} className="panel--task-feed">
      {tasks.length === 0 ? (
        <p className="empty">{t('tasks.none')}</p>
      ) : (
        <FittedList className="task-feed" items={tasks} itemKey={(task) => task.taskId} renderItem={(task, held) => <TaskFeedItem task={task} held={held} />} />
      )}
    </Panel>
  );
}

function TaskFeedItem({ task, held }: { task: TaskView; held: boolean }) {
  const { t } = useTranslation();
  const incidentTitle = useWallStore((s) => s.wall.incidents[task.incidentId]?.title ?? task.incidentId);
  const unitName = useUnitName(task.toUnit);
  return (
    <li className={`task-feed__item ${held ? HELD_ROW_CLASS : ''}`} data-task-id={task.taskId}>
      <span className={`task-badge task-state--${task.state}`}>{t(`taskState.${task.state}`)}</span>
      <span className="task-feed__title">{incidentTitle}</span>
      <span className="task-feed__meta">
        {unitName}
        {task.overdue.length > 0 && <span className="tag tag--alert">{t('tasks.overdue')}</span>}
      </span>
    </li>
  );
}

/** Console: tasks, newest activity first, each with its state and the trail of its steps. */
export function TaskListPanel({ limit = 30 }: { limit?: number }) {
  const { t } = useTranslation();
  const tasks = useLatestTasks(limit);
  return (
    <Panel title={t('tasks.list')} className="panel--task-list">
      {tasks.length === 0 ? (
        <p className="empty">{t('tasks.none')}</p>
      ) : (
        <ol className="task-list">
          {tasks.map((task) => (
            <TaskItem key={task.taskId} task={task} />
          ))}
        </ol>
      )}
    </Panel>
  );
}

function TaskItem({ task }: { task: TaskView }) {
  const { t } = useTranslation();
  const incidentTitle = useWallStore((s) => s.wall.incidents[task.incidentId]?.title ?? task.incidentId);
  const unitName = useUnitName(task.toUnit);
  return (
    <li className="task-item" data-task-id={task.taskId}>
      <div className="task-item__head">
        <span className={`task-badge task-state--${task.state}`}>{t(`taskState.${task.state}`)}</span>
        <span className="task-item__title">{incidentTitle}</span>
        {task.overdue.length > 0 && <span className="tag tag--alert">{t('tasks.overdue')}</span>}
      </div>
      <div className="task-item__meta">
        {t('tasks.toUnit', { unit: unitName })} · {t('tasks.steps', { count: task.steps.length })}
      </div>
      <ol className="task-steps" aria-label={t('tasks.steps', { count: task.steps.length })}>
        {task.steps.map((step) => (
          <li key={step.seq} className={`task-step task-state--${step.type === 'task.overdue' ? 'escalated' : step.state}`} title={step.detail ?? step.by}>
            {t(`taskStep.${step.type}`, { defaultValue: step.type })}
          </li>
        ))}
      </ol>
    </li>
  );
}
