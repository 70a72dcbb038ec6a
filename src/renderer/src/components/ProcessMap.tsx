import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import type { RunView } from '../state/run-state';
import { MainProcessCard } from './MainProcessCard';
import { WorkerCard } from './WorkerCard';

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
            <WorkerCard key={worker.slot} worker={worker} />
          ))}
        </div>
      )}
    </section>
  );
}
