import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
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

/** The parent and its workers, side by side: separate processes, separate memories. */
export function ProcessMap({ run }: { run: RunView }): ReactNode {
  const { t } = useI18n();
  return (
    <section className="panel process-map" aria-label={t('map.title')}>
      <h2>{t('map.title')}</h2>
      <p className="muted">{t('map.hint')}</p>
      {run.mainPid === null ? (
        <p className="process-map__empty">{t('map.empty')}</p>
      ) : (
        <div className="process-map__grid">
          <MainProcessCard pid={run.mainPid} globals={run.report?.mainGlobals ?? run.mainGlobals} />
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
            />
          ))}
        </div>
      )}
    </section>
  );
}
