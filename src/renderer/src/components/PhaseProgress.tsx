import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import type { RunView } from '../state/run-state';

function Bar({
  value,
  max,
  label,
  testId,
}: {
  value: number;
  max: number;
  label: string;
  testId: string;
}): ReactNode {
  return (
    <div className="progress" data-testid={testId}>
      <progress value={value} max={Math.max(max, 1)} />
      <span>{label}</span>
    </div>
  );
}

/** The stage of the run, and how far the workbook is written and each worker has read. */
export function PhaseProgress({ run }: { run: RunView }): ReactNode {
  const { t, format } = useI18n();
  // A run stepped through waits for the class at each point: the line says so, with the stage if one began.
  const holding = run.status === 'running' && run.holding;
  if (!run.phase && !holding) return null;
  const fmt = format.count;
  const stage = run.phase ? t(`phases.${run.phase}`) : '';
  const phase = holding ? [t('phases.holding'), stage].filter(Boolean).join(': ') : stage;
  const stoppedPhase = run.workPhase ?? run.phase;
  const stoppedIn = stoppedPhase ? t(`phases.${stoppedPhase}`) : '';
  const reading = run.workers.filter((w) => w.read);
  return (
    <div className="phase" aria-live="polite">
      <p className="phase__name" data-testid="phase" data-status={run.status}>
        {run.status === 'cancelled' ? t('phases.cancelledDuring', { phase: stoppedIn }) : phase}
      </p>
      {run.excel && run.phase === 'writing-excel' && run.status === 'running' && (
        <Bar
          testId="excel-progress"
          value={run.excel.rowsWritten}
          max={run.excel.totalRows}
          label={t('progress.excel', {
            written: fmt(run.excel.rowsWritten),
            total: fmt(run.excel.totalRows),
          })}
        />
      )}
      {run.status === 'running' &&
        reading.map((w) =>
          w.read ? (
            <Bar
              key={w.slot}
              testId="read-progress"
              value={w.read.rowsRead}
              max={w.read.rowsWanted}
              label={`${t('map.pid', { pid: w.pid })} · ${t('progress.read', { task: w.read.taskIndex, read: fmt(w.read.rowsRead), wanted: fmt(w.read.rowsWanted) })}`}
            />
          ) : null,
        )}
    </div>
  );
}
