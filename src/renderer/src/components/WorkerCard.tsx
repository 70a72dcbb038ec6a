import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import type { WorkerView } from '../state/run-state';
import { GlobalList } from './GlobalList';

/** One worker process: pid, state, the copies it received, its tasks and what each returned. */
export function WorkerCard({ worker }: { worker: WorkerView }): ReactNode {
  const { t } = useI18n();
  return (
    <article
      className={`process-card process-card--worker process-card--${worker.state}`}
      data-testid="worker-card"
      data-pid={worker.pid}
      data-state={worker.state}
    >
      <header>
        <h3>{t('map.worker', { n: worker.slot + 1 })}</h3>
        <span className="process-card__pid">{t('map.pid', { pid: worker.pid })}</span>
        <span className={`state-badge state-badge--${worker.state}`}>
          {t(`map.states.${worker.state}`)}
        </span>
      </header>
      <h4>{t('map.received')}</h4>
      {worker.received === null ? (
        <p className="muted">{t('map.waitingCopies')}</p>
      ) : worker.received.length === 0 ? (
        <p className="muted" data-testid="worker-received-none">
          {t('map.receivedNone')}
        </p>
      ) : (
        <GlobalList globals={worker.received} testId="worker-received" />
      )}
      <h4>{t('map.tasks')}</h4>
      {worker.tasks.length === 0 ? (
        <p className="muted">{t('map.noTasks')}</p>
      ) : (
        <ul className="task-list" data-testid="worker-tasks">
          {worker.tasks.slice(0, 12).map((task) => (
            <li
              key={task.index}
              className={`task task--${task.state}`}
              data-testid="worker-task"
              data-task={task.index}
            >
              <span className="task__name">{t('map.task', { index: task.index })}</span>{' '}
              <code className="task__value">
                {task.state === 'done'
                  ? t('map.returned', { value: task.display ?? '' })
                  : task.state === 'error'
                    ? t('map.taskFailed')
                    : t('map.taskRunning')}
              </code>
            </li>
          ))}
          {worker.tasks.length > 12 && <li className="muted">+ {worker.tasks.length - 12}</li>}
        </ul>
      )}
    </article>
  );
}
