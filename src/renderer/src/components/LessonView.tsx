import type { ReactNode } from 'react';
import type { HostInfo, LabError, LessonInfo } from '../../../shared/api';
import { errorText } from '../error-text';
import type { LessonId } from '../../../shared/lessons';
import type { RunParams } from '../../../shared/params';
import { useI18n, type TranslationKey } from '../i18n';
import type { RunView } from '../state/run-state';
import { takeawayValues } from '../lesson-text';
import { questionFor, type Prediction } from '../questions';
import { QuestionPanel, RevealPanel } from './QuestionPanel';
import { QuestionStage } from './QuestionStage';
import { RunExport } from './RunExport';
import type { Stepping } from './RunActions';
import { StepPanel } from './StepPanel';
import { TaskStream } from './TaskStream';
import { ThreadsPanel } from './ThreadsPanel';
import { CodePanels } from './CodePanels';
import { ErrorPanel } from './ErrorPanel';
import { OutcomeHeadline } from './OutcomeHeadline';
import { MemoryTimelineChart } from './MemoryTimelineChart';
import { PhaseProgress } from './PhaseProgress';
import { ProcessMap } from './ProcessMap';
import { ResultsPanel } from './ResultsPanel';
import { RunControls, type FormValues } from './RunControls';
import { VerboseLog } from './VerboseLog';

interface Props {
  lesson: LessonInfo;
  host: HostInfo;
  run: RunView;
  form: FormValues;
  onFormChange: (values: FormValues) => void;
  busy: boolean;
  runError: LabError | null;
  onRun: (params: Partial<RunParams> & { experiment: LessonId }, stepwise: boolean) => void;
  onCancel: () => void;
  /** This window's stepwise run of this lesson, while it goes on. */
  stepping: Stepping | null;
  /** Predict, then run: whether the lesson asks first, what was answered, and the presenter's stage. */
  ask: {
    on: boolean;
    present: boolean;
    prediction: Prediction | null;
    onPredict: (prediction: Prediction | null) => void;
    /** Records an answer and runs the lesson (presenter mode's Enter). */
    onPredictAndRun: (prediction: Prediction) => void;
  };
}

type Shape = Pick<RunParams, 'nJobs' | 'tasks' | 'rows' | 'definedIn'>;

/** The workers, tasks and rows as typed (the host's defaults where a field is not a whole number). */
function formShape(form: FormValues, host: HostInfo): Shape {
  const whole = (text: string): number | null => (/^\d+$/.test(text.trim()) ? Number(text) : null);
  const nJobs = whole(form.workers) ?? host.defaults.nJobs;
  return {
    nJobs,
    tasks: whole(form.tasks) ?? nJobs,
    rows: whole(form.rows) ?? host.defaults.rows,
    definedIn: form.definedIn === 'module' ? 'module' : 'notebook',
  };
}

/** The workers and rows the code panel shows: the run's, or the form's before a run. */
function shownParams(run: RunView, form: FormValues, host: HostInfo): Shape {
  return run.params ?? formShape(form, host);
}

/** One lesson: its explanation, its code, its controls, and what the last run showed. */
export function LessonView({
  lesson,
  host,
  run,
  form,
  onFormChange,
  busy,
  runError,
  onRun,
  onCancel,
  stepping,
  ask,
}: Props): ReactNode {
  const { t, format, count, language } = useI18n();
  const report = run.report;
  // A cancelled run shows where it stopped and nothing it had half measured.
  const complete = run.status === 'finished' && report !== null;
  const asking = ask.on && !host.readOnly;
  const ended = run.status === 'finished' || run.status === 'cancelled';
  const revealed = asking && ask.prediction !== null && ended;
  // The reveal asks the question of the run that answered it; before a run, the form's.
  const question = questionFor(
    lesson.id,
    revealed && report ? report.params : formShape(form, host),
    format,
    count,
  );
  const askFirst = asking && ask.prediction === null;
  const chartSettings = t('memory.settingsRun', {
    lesson: lesson.id,
    workers: count('workers', run.params?.nJobs ?? 0),
    rows: count('rows', run.params?.rows ?? 0),
  });
  if (askFirst && ask.present && run.status !== 'running')
    return (
      <main className="lesson lesson--stage" data-testid={`lesson-${lesson.id}`}>
        <QuestionStage
          question={question}
          onRunWith={ask.onPredictAndRun}
          onSkip={() => ask.onPredict({ skipped: true })}
        />
      </main>
    );
  return (
    <main
      className={run.status === 'idle' ? 'lesson' : 'lesson lesson--ran'}
      data-testid={`lesson-${lesson.id}`}
    >
      <div className="lesson__setup" tabIndex={0} aria-label={t('app.setupRegion')}>
        <header className="lesson__header">
          <h2 className="lesson__title">{t(`lessons.${lesson.id}.title`)}</h2>
          <p className="lesson__intro">{t(`lessons.${lesson.id}.intro`)}</p>
        </header>
        {asking && (
          <QuestionPanel
            question={question}
            prediction={ask.prediction}
            locked={busy || revealed}
            onPredict={ask.onPredict}
          />
        )}
        <RunControls
          lesson={lesson}
          host={host}
          values={form}
          onChange={onFormChange}
          busy={busy}
          askFirst={askFirst}
          stepping={stepping}
          onRun={onRun}
          onCancel={onCancel}
        />
        {runError && (
          <p className="run-error" role="alert" data-testid="run-error">
            {t('controls.invalid', {
              message: errorText(runError, { t, format, count, language }),
            })}
          </p>
        )}
        <CodePanels lesson={lesson} params={shownParams(run, form, host)} />
        {lesson.joblibAnchor && (
          <details className="panel joblib-note" data-testid="joblib-note">
            <summary>{t('joblib.title')}</summary>
            <p>{t(`joblib.${lesson.id}` as TranslationKey)}</p>
            <p className="muted">{t('joblib.measured', { command: lesson.joblibAnchor })}</p>
          </details>
        )}
      </div>
      <div
        className="lesson__outcome"
        data-testid="outcome"
        tabIndex={0}
        aria-label={t('app.outcomeRegion')}
      >
        <PhaseProgress run={run} />
        <StepPanel run={run} />
        {complete && <OutcomeHeadline report={report} />}
        {revealed && ask.prediction && (
          <RevealPanel
            question={question}
            prediction={ask.prediction}
            report={complete ? report : null}
            onAskAgain={busy ? null : () => ask.onPredict(null)}
          />
        )}
        {report?.error && <ErrorPanel lesson={lesson} error={report.error} />}
        {complete && <ResultsPanel lesson={lesson} report={report} />}
        {complete && report.threads && <ThreadsPanel threads={report.threads} />}
        <ProcessMap run={run} canKill={!host.readOnly && run.status === 'running'} />
        {complete && <TaskStream report={report} />}
        {lesson.usesDataset && run.samples.length > 0 && run.status !== 'cancelled' && (
          <MemoryTimelineChart
            samples={run.samples}
            phases={complete ? report.phases : []}
            settings={chartSettings}
            exportName={`memory-timeline-${lesson.id}`}
            testId="chart-timeline"
          />
        )}
        {complete && (
          <section className="panel takeaway" data-testid="takeaway">
            <h2>{t('results.takeaway')}</h2>
            <p>{t(`lessons.${lesson.id}.takeaway`, takeawayValues(report, format, count))}</p>
            <p data-testid="why">{t(`lessons.${lesson.id}.why`)}</p>
          </section>
        )}
        {complete && (
          <RunExport
            lesson={lesson}
            report={report}
            asked={{ question, prediction: revealed ? ask.prediction : null }}
            chartSettings={chartSettings}
          />
        )}
        <VerboseLog lines={run.log} />
      </div>
    </main>
  );
}
