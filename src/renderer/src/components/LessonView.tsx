import type { ReactNode } from 'react';
import type { HostInfo, LessonInfo } from '../../../shared/api';
import type { ExperimentId } from '../../../shared/experiments';
import type { RunParams } from '../../../shared/params';
import { useI18n } from '../i18n';
import type { RunView } from '../state/run-state';
import { CodePanels } from './CodePanels';
import { ErrorPanel } from './ErrorPanel';
import { MemoryTimelineChart } from './MemoryTimelineChart';
import { PhaseProgress } from './PhaseProgress';
import { ProcessMap } from './ProcessMap';
import { ResultsPanel } from './ResultsPanel';
import { RunControls } from './RunControls';
import { VerboseLog } from './VerboseLog';

interface Props {
  lesson: LessonInfo;
  host: HostInfo;
  run: RunView;
  busy: boolean;
  runError: string | null;
  onRun: (params: Partial<RunParams> & { experiment: ExperimentId }) => void;
  onCancel: () => void;
}

/** One lesson: its explanation, its code, its controls, and what the last run showed. */
export function LessonView({
  lesson,
  host,
  run,
  busy,
  runError,
  onRun,
  onCancel,
}: Props): ReactNode {
  const { t } = useI18n();
  const report = run.report;
  return (
    <main className="lesson" data-testid={`lesson-${lesson.id}`}>
      <div className="lesson__setup">
        <header className="lesson__header">
          <h2 className="lesson__title">{t(`lessons.${lesson.id}.title`)}</h2>
          <p className="lesson__intro">{t(`lessons.${lesson.id}.intro`)}</p>
        </header>
        <RunControls lesson={lesson} host={host} busy={busy} onRun={onRun} onCancel={onCancel} />
        {runError && (
          <p className="run-error" role="alert" data-testid="run-error">
            {t('controls.invalid', { message: runError })}
          </p>
        )}
        <CodePanels lesson={lesson} />
      </div>
      <div className="lesson__outcome" data-testid="outcome">
        <PhaseProgress run={run} />
        {report?.error && <ErrorPanel lesson={lesson} error={report.error} />}
        {report && <ResultsPanel lesson={lesson} report={report} />}
        <ProcessMap run={run} />
        {lesson.usesDataset && run.samples.length > 0 && (
          <MemoryTimelineChart
            samples={run.samples}
            exportName={`memory-timeline-${lesson.id}`}
            testId="chart-timeline"
          />
        )}
        {report && (
          <section className="panel takeaway" data-testid="takeaway">
            <h2>{t('results.takeaway')}</h2>
            <p>{t(`lessons.${lesson.id}.takeaway`)}</p>
          </section>
        )}
        <VerboseLog lines={run.log} />
      </div>
    </main>
  );
}
