import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskView } from '../../../shared/state/wallState';
import type { TasksPanelSettings } from '../../../shared/wall/panels';
import { Panel } from '../../components/Panel';
import { TaskFeedPanel, TaskStatePanel } from '../../panels/tasks';
import { selectTasks, useUnitName } from '../../stores/hooks';
import { latestTasks } from '../../stores/derive';
import { useWallStore } from '../../stores/wallStore';
import { FittedList, HELD_ROW_CLASS } from '../../theme/FittedList';

/** A layout cell of tasks: the feed (one incident's tasks in a focus layout) or counts by state. */
export function TasksCell({ settings }: { settings: TasksPanelSettings; cellId: string }) {
  if (settings.view === 'states') return <TaskStatePanel />;
  if (settings.incidentId === undefined) return <TaskFeedPanel limit={settings.limit ?? 10} />;
  return <IncidentTasks incidentId={settings.incidentId} limit={settings.limit ?? 12} />;
}

function IncidentTasks({ incidentId, limit }: { incidentId: string; limit: number }) {
  const { t } = useTranslation();
  const tasks = useWallStore(selectTasks);
  const mine = useMemo(() => latestTasks(tasks).filter((task) => task.incidentId === incidentId).slice(0, limit), [tasks, incidentId, limit]);
  return (
    <Panel title={t('layout.cells.focusTasks')} className="panel--task-feed">
      {mine.length === 0 ? (
        <p className="empty">{t('layout.cells.noTasksYet')}</p>
      ) : (
        <FittedList className="task-feed" items={mine} itemKey={(task) => task.taskId} renderItem={(task, held) => <IncidentTaskItem task={task} held={held} />} />
      )}
    </Panel>
  );
}

function IncidentTaskItem({ task, held }: { task: TaskView; held: boolean }) {
  const { t } = useTranslation();
  const unitName = useUnitName(task.toUnit);
  return (
    <li className={`task-feed__item ${held ? HELD_ROW_CLASS : ''}`} data-task-id={task.taskId}>
      <span className={`task-badge task-state--${task.state}`}>{t(`taskState.${task.state}`)}</span>
      <span className="task-feed__title">{unitName}</span>
      <span className="task-feed__meta">{task.overdue.length > 0 && <span className="tag tag--alert">{t('tasks.overdue')}</span>}</span>
    </li>
  );
}
