import type { ReactNode } from 'react';
import type { ReportError } from '../../../shared/report';
import { endedHow } from '../error-text';
import { useI18n, type Translate } from '../i18n';
import { lab } from '../lab-client';
import type { RunView } from '../state/run-state';
import { MainProcessCard } from './MainProcessCard';
import { WorkerCard, type WorkerMemory } from './WorkerCard';

/** A worker's memory over the run, from the final report (USS where the OS gives it). */
function workerMemory(run: RunView, pid: number): WorkerMemory | undefined {
  if (run.status !== 'finished') return undefined;
  const report = run.report?.workers.find((w) => w.pid === pid);
  if (!report?.memory.after) return undefined;
  const { baseline, after } = report.memory;
  const uss = after.uss !== null && baseline.uss !== null;
  return {
    growth: uss ? (after.uss as number) - (baseline.uss as number) : after.rss - baseline.rss,
    figure: uss ? 'USS' : 'RSS',
    rows: run.params?.rows ?? 0,
    datasetBytes: report.datasetBytes,
  };
}

/** How a worker's process ended, for its card: the signal or code, or the lab killing it over time. */
function endedText(error: ReportError | null, t: Translate): string | null {
  if (!error) return null;
  if (error.name === 'TerminatedWorkerError') return t('map.ended', { how: endedHow(error, t) });
  if (error.name === 'TimeoutError' || error.name === 'StalledWorkerError')
    return t('map.killedByLab');
  return null;
}

/** The parent and its workers, side by side: separate processes, separate memories. */
export function ProcessMap({
  run,
  canKill = false,
}: {
  run: RunView;
  /** Offer to kill a busy worker (this window's own run, not on a watching screen). */
  canKill?: boolean;
}): ReactNode {
  const { t } = useI18n();
  const ended = endedText(run.report?.error ?? null, t);
  // Where a stepwise run holds: the parent's work, or one worker's.
  const point = run.holding ? run.steps.at(-1)?.point : undefined;
  const workerFocus = (slot: number): 'arriving' | 'running' | null =>
    point?.kind === 'installed' && point.slot === slot
      ? 'arriving'
      : point?.kind === 'running' && point.slot === slot
        ? 'running'
        : null;
  const kill = (pid: number): void =>
    void lab.invoke('kill-worker', { pid }).catch(() => undefined);
  return (
    <section className="panel process-map" aria-label={t('map.title')}>
      <h2>{t('map.title')}</h2>
      <p className="muted">{t('map.hint')}</p>
      {run.mainPid === null ? (
        <p className="process-map__empty">{t('map.empty')}</p>
      ) : (
        <div className="process-map__grid">
          <MainProcessCard
            pid={run.mainPid}
            globals={run.report?.mainGlobals ?? run.mainGlobals}
            focus={point !== undefined && point.kind !== 'installed' && point.kind !== 'running'}
          />
          {run.workers.map((worker) => (
            <WorkerCard
              key={worker.slot}
              worker={worker}
              memory={workerMemory(run, worker.pid)}
              reads={
                run.status === 'finished'
                  ? run.report?.workers.find((w) => w.pid === worker.pid)?.reads
                  : undefined
              }
              ended={run.report?.error?.workerPid === worker.pid ? ended : null}
              onKill={canKill ? () => kill(worker.pid) : undefined}
              focus={workerFocus(worker.slot)}
            />
          ))}
        </div>
      )}
    </section>
  );
}
