/**
 * An error from the lab in the UI's language: the lab sends a code with its
 * values (ErrorDetail) beside its English message; the message is shown only
 * for errors that have no code yet.
 */
import type { ErrorDetail, LabError } from '../../shared/api';
import type { ReportError } from '../../shared/report';
import type { Formats } from './format';
import { fill, type Language, type Translate, type Unit } from './i18n';
import { EXCEL_ES } from './i18n/excel-es';

/** The kernel's state letter of a stalled worker, said in words. */
function stateText(state: string | null, t: Translate): string {
  switch (state) {
    case 'T':
    case 't':
    case 'R':
    case 'S':
    case 'D':
    case 'Z':
      return t(`errors.states.${state}`);
    default:
      return t('errors.states.unknown');
  }
}

function detailText(
  detail: ErrorDetail,
  t: Translate,
  format: Formats,
  count: (unit: Unit, n: number) => string,
): string {
  switch (detail.code) {
    case 'range':
      return t('errors.range', {
        field: t(`errors.fields.${detail.field}`),
        given: detail.given,
        min: format.count(detail.min),
        max: format.count(detail.max),
      });
    case 'batch-size':
      return t('errors.batchSize', { given: detail.given, max: format.count(detail.max) });
    case 'memory-guard': {
      const lower =
        detail.maxRows >= 1 && detail.maxWorkers >= 1
          ? t('errors.lowerBoth', {
              rows: format.count(detail.maxRows),
              workers: format.count(detail.maxWorkers),
            })
          : detail.maxRows >= 1
            ? t('errors.lowerRows', { rows: format.count(detail.maxRows) })
            : t('errors.freeMemory');
      const gib = (bytes: number): string => `${format.fixed(bytes / 1024 ** 3, 1)} GiB`;
      return t('errors.memoryGuard', {
        experiment: detail.experiment,
        workers: count('workers', detail.nJobs),
        rows: count('rows', detail.rows),
        peak: gib(detail.peakBytes),
        budget: gib(detail.budgetBytes),
        available: gib(detail.availableBytes),
        lower,
      });
    }
    case 'run-in-progress':
      return t('errors.runInProgress');
    case 'read-only':
      return t('errors.readOnly');
    case 'not-owner':
      return t('errors.notOwner');
    case 'task-timeout':
      return t('errors.taskTimeout', { seconds: format.count(detail.seconds) });
    case 'stalled':
      return t('errors.stalled', {
        state: stateText(detail.state, t),
        seconds: format.count(detail.seconds),
      });
    case 'excel':
      return excelText(detail, t, format);
  }
}

/** A problem with the workbook: the file, the row and what is wrong, from the Spanish templates. */
export function excelText(
  detail: Extract<ErrorDetail, { code: 'excel' }>,
  t: Translate,
  format: Formats,
): string {
  const values = Object.fromEntries(
    Object.entries(detail.params).map(([name, value]) => [
      name,
      typeof value === 'number' ? format.count(value) : value,
    ]),
  );
  const problem = fill(EXCEL_ES[detail.key], values);
  return detail.row === null
    ? `${detail.file}: ${problem}`
    : `${detail.file}, ${t('errors.excelRow', { row: format.count(detail.row) })}: ${problem}`;
}

/** What to show for an error a command raised. */
export function errorText(
  error: LabError,
  {
    t,
    format,
    count,
    language,
  }: {
    t: Translate;
    format: Formats;
    count: (unit: Unit, n: number) => string;
    language: Language;
  },
): string {
  // The workbook's problems are written in English by the lab; only Spanish needs its templates.
  if (!error.detail || (error.detail.code === 'excel' && language === 'en')) return error.message;
  return detailText(error.detail, t, format, count);
}

/** How a terminated worker's process ended: out of memory, by a signal, or with an exit code. */
export function endedHow(error: ReportError, t: Translate): string {
  if (error.reason === 'oom') return t('error.byOom');
  if (error.signal != null) return t('error.bySignal', { signal: error.signal });
  return t('error.withCode', { code: error.exitCode ?? '?' });
}

/**
 * What a run raised, in one line: the lab's own errors said from their
 * fields in the UI's language, a task's error as the worker raised it.
 */
export function raisedText(
  error: ReportError,
  i18n: {
    t: Translate;
    format: Formats;
    count: (unit: Unit, n: number) => string;
    language: Language;
  },
): string {
  const { t, format, language } = i18n;
  const detail = error.cause?.detail ?? error.detail;
  if (error.name === 'CancelledError') return t('error.cancelledRaised');
  if (error.name === 'TerminatedWorkerError')
    return t('error.terminatedRaised', { pid: error.workerPid ?? '?', how: endedHow(error, t) });
  if (detail?.code === 'task-timeout' || detail?.code === 'stalled')
    return errorText(Object.assign(new Error(error.message), { name: error.name, detail }), i18n);
  if (detail?.code === 'excel' && language === 'es')
    return `ExcelError: ${excelText(detail, t, format)}`;
  return error.cause ? `${error.cause.name}: ${error.cause.message}` : error.message;
}
