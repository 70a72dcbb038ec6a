import { useEffect, useRef, type ReactNode } from 'react';
import type { ReadRecord } from '../../../shared/report';
import { useI18n } from '../i18n';
import { bookkeepingHint, SUGGESTED_ROWS } from '../memory/worker-memory';
import type { WorkerView } from '../state/run-state';
import { GlobalList } from './GlobalList';

/** What the worker's memory did during the run, from the report: its growth over the baseline and the dataset it held. */
export interface WorkerMemory {
  growth: number | null;
  /** The run's rows, to suggest more when the bookkeeping outweighs the data. */
  rows: number;
  figure: 'USS' | 'RSS';
  datasetBytes: number;
}

/**
 * How much of my_database.xlsx the worker touched: the lesson's point is
 * that a worker reading its chunk inflates its share of the sheet, not the
 * file.
 */
function ReadSummary({ reads }: { reads: readonly ReadRecord[] }): ReactNode {
  const { t, format } = useI18n();
  const percent = new Intl.NumberFormat(format.locale, {
    style: 'percent',
    maximumFractionDigits: 0,
  });
  return (
    <>
      {reads.map((read) => (
        <p key={read.taskIndex} className="process-card__memory" data-testid="worker-read">
          {t('map.read', {
            compressed: format.bytes(read.compressedBytes),
            sheetCompressed: format.bytes(read.sheetCompressedBytes),
            share: percent.format(read.compressedBytes / Math.max(read.sheetCompressedBytes, 1)),
            uncompressed: format.bytes(read.uncompressedBytes),
            row: format.count(read.startRow),
          })}{' '}
          <span className="process-card__hint">
            {t(read.crc32 === 'verified' ? 'map.crcVerified' : 'map.crcNotReached')}
          </span>
        </p>
      ))}
    </>
  );
}

/** One worker process: pid, state, the copies it received, its tasks and what each returned, and what that cost. */
export function WorkerCard({
  worker,
  memory,
  reads = [],
  ended = null,
  onKill,
  focus = null,
}: {
  worker: WorkerView;
  memory?: WorkerMemory;
  /** The chunks it read from my_database.xlsx in the run, from the report. */
  reads?: readonly ReadRecord[];
  /** How its process ended, when the run ended because of it. */
  ended?: string | null;
  /** Kills it (offered while this window's run goes on). */
  onKill?: () => void;
  /** What a stepwise run holds at in this worker: its copy just arrived, or its task runs. */
  focus?: 'arriving' | 'running' | null;
}): ReactNode {
  const { t, format, count } = useI18n();
  const card = useRef<HTMLElement>(null);
  // A stepwise run points at this worker: the class should see it.
  useEffect(() => {
    if (focus) card.current?.scrollIntoView({ block: 'nearest' });
  }, [focus]);
  const hint = memory ? bookkeepingHint(memory.growth, memory.datasetBytes, memory.rows) : null;
  // Finished tasks the card does not list (it lists the first ones and those running).
  const unlisted = worker.taskCount - worker.tasks.filter((task) => task.state === 'done').length;
  return (
    <article
      ref={card}
      className={`process-card process-card--worker process-card--${worker.state}${focus ? ` process-card--focus process-card--${focus}` : ''}`}
      data-testid="worker-card"
      data-pid={worker.pid}
      data-state={worker.state}
      data-focus={focus ?? undefined}
    >
      <header>
        <h3>{t('map.worker', { n: worker.slot + 1 })}</h3>
        <span className="process-card__pid">{t('map.pid', { pid: worker.pid })}</span>
        <span className={`state-badge state-badge--${worker.state}`}>
          {t(`map.states.${worker.state}`)}
        </span>
        {onKill && (
          <button
            type="button"
            className="button--kill"
            onClick={onKill}
            aria-label={t('map.killLabel', { n: worker.slot + 1, pid: worker.pid })}
            data-testid="kill-worker"
          >
            {t('map.kill')}
          </button>
        )}
      </header>
      {ended && (
        <p className="process-card__ended" data-testid="worker-ended">
          {ended}
        </p>
      )}
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
          {worker.tasks.map((task) => (
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
          {unlisted > 0 && <li className="muted">+ {unlisted}</li>}
        </ul>
      )}
      {memory && memory.datasetBytes > 0 && memory.growth !== null && (
        <p className="process-card__memory" data-testid="worker-memory">
          {t('map.memory', {
            growth: format.bytes(memory.growth),
            figure: memory.figure,
            held: format.bytes(memory.datasetBytes),
          })}
          {hint && (
            <span className="process-card__hint" data-testid="worker-bookkeeping">
              {' '}
              {t('map.memorySmall', { overhead: format.bytes(hint.overhead) })}
              {hint.suggestRows &&
                ` ${t('map.memoryTryMore', { rows: count('rows', SUGGESTED_ROWS) })}`}
            </span>
          )}
        </p>
      )}
      {reads.length > 0 && <ReadSummary reads={reads} />}
    </article>
  );
}
