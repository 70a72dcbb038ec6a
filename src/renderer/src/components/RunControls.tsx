import { useState, type FormEvent, type ReactNode } from 'react';
import { lab } from '../lab-client';
import type { HostInfo, LessonInfo } from '../../../shared/api';
import type { LessonId } from '../../../shared/lessons';
import type { RunParams } from '../../../shared/params';
import { rowsDroppedByFloorChunking } from '../../../shared/chunks';
import { useI18n } from '../i18n';
import { NumberField, numberOrText } from './NumberField';
import { RunActions, WorkersField, type Stepping } from './RunActions';

const BATCH_SIZES = ['1', '2', '4', '8', '16', '64', 'auto'] as const;
const VERBOSE_LEVELS = [0, 10, 50] as const;

/** A lesson's form as typed: kept per lesson by the App, so leaving and coming back keeps it with its results. */
export interface FormValues {
  workers: string;
  tasks: string;
  rows: string;
  batchSize: string;
  verbose: number;
  /** joblib's timeout in seconds; empty for none. */
  timeout: string;
  /** Where the function is defined: `notebook` or `module` (the lessons whose function writes its globals). */
  definedIn: string;
}

/** The form before anything was typed: the host's defaults. */
export function defaultForm(host: HostInfo): FormValues {
  return {
    workers: String(host.defaults.nJobs),
    tasks: '',
    rows: String(host.defaults.rows),
    batchSize: String(host.defaults.batchSize),
    verbose: host.defaults.verbose,
    timeout: host.defaults.timeout === null ? '' : String(host.defaults.timeout),
    definedIn: host.defaults.definedIn,
  };
}

interface Props {
  lesson: LessonInfo;
  host: HostInfo;
  values: FormValues;
  onChange: (values: FormValues) => void;
  busy: boolean;
  /** Run waits for the lesson's question to be answered or skipped. */
  askFirst?: boolean;
  /** Runs the form's parameters, straight through or one step at a time. */
  onRun: (params: Partial<RunParams> & { experiment: LessonId }, stepwise: boolean) => void;
  onCancel: () => void;
  /** This window's stepwise run, while it goes on. */
  stepping?: Stepping | null;
}

/** Workers, tasks, batch size, rows (for the dataset lessons), verbose, timeout; Run and Cancel. */
export function RunControls({
  lesson,
  host,
  values,
  onChange,
  busy,
  askFirst = false,
  onRun,
  onCancel,
  stepping = null,
}: Props): ReactNode {
  const { t } = useI18n();
  const { workers, tasks, rows, batchSize, verbose, timeout } = values;
  const set =
    <K extends keyof FormValues>(key: K) =>
    (value: FormValues[K]): void =>
      onChange({ ...values, [key]: value });
  const setWorkers = set('workers');
  const setTasks = set('tasks');
  const setRows = set('rows');
  const setBatchSize = set('batchSize');
  const setVerbose = set('verbose');
  const setTimeoutSeconds = set('timeout');
  const setDefinedIn = set('definedIn');
  // "Restarted" holds until the next run starts new workers (and they count again).
  const [restarted, setRestarted] = useState(false);

  const nJobs = Number(workers);
  const taskCount = tasks.trim() === '' ? nJobs : Number(tasks);
  const rowCount = Number(rows);
  const dropped =
    lesson.usesDataset && Number.isInteger(rowCount) && Number.isInteger(taskCount) && taskCount > 0
      ? rowsDroppedByFloorChunking(rowCount, taskCount)
      : 0;

  if (host.readOnly)
    return (
      <p className="run-controls run-controls--watching" data-testid="watching-controls">
        {t('controls.watching')}
      </p>
    );

  const start = (stepwise: boolean): void => {
    if (busy || askFirst) return;
    setRestarted(false);
    const params: Partial<RunParams> & { experiment: LessonId } = {
      experiment: lesson.id,
      nJobs: numberOrText(workers),
      batchSize: batchSize === 'auto' ? 'auto' : Number(batchSize),
      verbose,
    };
    if (tasks.trim() !== '') params.tasks = numberOrText(tasks);
    if (lesson.usesDataset) params.rows = numberOrText(rows);
    if (timeout.trim() !== '') params.timeout = numberOrText(timeout);
    // The lab checks the value (validateRunParams) and says what is allowed.
    if (lesson.writesGlobals) params.definedIn = values.definedIn as RunParams['definedIn'];
    onRun(params, stepwise);
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    start(false);
  };

  return (
    <form className="run-controls" onSubmit={submit} noValidate>
      <WorkersField host={host} value={workers} onChange={setWorkers} />
      <NumberField
        label={t('controls.tasks')}
        value={tasks}
        onChange={setTasks}
        min={host.limits.tasks.min}
        placeholder={Number.isInteger(nJobs) ? String(nJobs) : ''}
        title={t('controls.tasksHint')}
        testId="input-tasks"
      />
      {lesson.usesDataset && (
        <NumberField
          label={t('controls.rows')}
          value={rows}
          onChange={setRows}
          min={1}
          max={lesson.maxRows}
          testId="input-rows"
        />
      )}
      <label>
        <span>{t('controls.batchSize')}</span>
        <select
          value={batchSize}
          onChange={(e) => setBatchSize(e.target.value)}
          data-testid="input-batch-size"
        >
          {BATCH_SIZES.map((size) => (
            <option key={size} value={size}>
              {size === 'auto' ? t('controls.auto') : size}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('controls.verbose')}</span>
        <select value={verbose} onChange={(e) => setVerbose(Number(e.target.value))}>
          {VERBOSE_LEVELS.map((level) => (
            <option key={level} value={level}>
              {level}
            </option>
          ))}
        </select>
      </label>
      <NumberField
        label={t('controls.timeout')}
        value={timeout}
        onChange={setTimeoutSeconds}
        min={host.limits.timeout.min}
        max={host.limits.timeout.max}
        placeholder={t('controls.timeoutHint')}
        title={t('controls.timeoutTitle')}
        testId="input-timeout"
      />
      {lesson.writesGlobals && (
        <DefinedInField
          value={values.definedIn}
          onChange={setDefinedIn}
          busy={busy}
          restarted={restarted}
          onRestarted={setRestarted}
        />
      )}
      <RunActions
        host={host}
        busy={busy}
        askFirst={askFirst}
        onCancel={onCancel}
        onStepThrough={() => start(true)}
        stepping={stepping}
      />
      {dropped > 0 && <p className="run-controls__note">{t('controls.chunkNote', { dropped })}</p>}
    </form>
  );
}

/**
 * Where the task's function is defined, and restarting the workers: what
 * decides whether a worker's globals outlive a task (see worker-reuse).
 */
function DefinedInField({
  value,
  onChange,
  busy,
  restarted,
  onRestarted,
}: {
  value: string;
  onChange: (value: string) => void;
  busy: boolean;
  restarted: boolean;
  onRestarted: (restarted: boolean) => void;
}): ReactNode {
  const { t } = useI18n();
  const restart = (): void => {
    onRestarted(false);
    lab.invoke('restart-workers', null).then(
      () => onRestarted(true),
      () => undefined,
    );
  };
  return (
    <div className="run-controls__defined-in">
      <label title={t('controls.definedInTitle')}>
        <span>{t('controls.definedIn')}</span>
        <select
          value={value}
          onChange={(e) => onChange(e.target.value)}
          data-testid="input-defined-in"
        >
          <option value="notebook">{t('controls.definedInNotebook')}</option>
          <option value="module">{t('controls.definedInModule')}</option>
        </select>
      </label>
      <button
        type="button"
        className="button--step"
        onClick={restart}
        disabled={busy}
        title={t('controls.restartTitle')}
        data-testid="restart-workers"
      >
        {t('controls.restart')}
      </button>
      <p className="run-controls__note" role="status" data-testid="restarted">
        {restarted ? t('controls.restarted') : ''}
      </p>
    </div>
  );
}
