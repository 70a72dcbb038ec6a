import type { ReactNode } from 'react';
import type { LessonInfo } from '../../../shared/api';
import type { ReportError } from '../../../shared/report';
import { raisedText } from '../error-text';
import { useI18n, type TranslationKey } from '../i18n';

/** The panel's title for each error the lab raises; others are "The run failed". */
const TITLES: Record<string, TranslationKey> = {
  WorkerError: 'error.title',
  TerminatedWorkerError: 'error.terminated',
  TimeoutError: 'error.timeout',
  StalledWorkerError: 'error.stalled',
  CancelledError: 'error.cancelled',
};

/**
 * A stack with paths from the project's folder on (`out/main/worker.js:12:3`),
 * not the machine's: shorter on a projector, and nothing about the machine.
 */
export function relativeStack(stack: string): string {
  return stack.replace(
    /(?:file:\/\/)?\/(?:[^\s()/]+\/)*?((?:out|src|node_modules)\/[^\s()]+)/g,
    '$1',
  );
}

/** A run's error: what was raised, in which worker and task, the worker's stack, and what it means. */
export function ErrorPanel({
  lesson,
  error,
}: {
  lesson: LessonInfo;
  error: ReportError;
}): ReactNode {
  const i18n = useI18n();
  const { t } = i18n;
  const title = t(TITLES[error.name] ?? 'error.other');
  const raised = raisedText(error, i18n);
  return (
    <section
      className="panel error-panel"
      role="alert"
      data-testid="error-panel"
      data-error={error.name}
    >
      <h2>{title}</h2>
      <p className="error-panel__raised" data-testid="error-raised">
        <code>{raised}</code>
      </p>
      {error.workerPid !== null && (
        <p data-testid="error-where">
          {t('error.where', { pid: error.workerPid, task: error.taskIndex ?? '?' })}
        </p>
      )}
      {lesson.id === 'change-global' && error.name === 'WorkerError' && (
        <>
          <h3>{t('error.notebookRaised')}</h3>
          <pre className="output output--notebook">{lesson.notebookOutput}</pre>
          <h3>{t('error.meaning')}</h3>
          <p>{t('lessons.change-global.languages')}</p>
        </>
      )}
      {error.name === 'TerminatedWorkerError' && <p>{t('error.terminatedMeaning')}</p>}
      {error.name === 'TimeoutError' && <p>{t('error.timeoutMeaning')}</p>}
      {error.name === 'StalledWorkerError' && <p>{t('error.stalledMeaning')}</p>}
      {error.name === 'CancelledError' && <p>{t('error.cancelledMeaning')}</p>}
      {error.cause && (
        <details open={error.name === 'WorkerError'}>
          <summary>{t('error.stack')}</summary>
          <pre className="stack" data-testid="error-stack">
            {relativeStack(error.stack)}
          </pre>
        </details>
      )}
    </section>
  );
}
