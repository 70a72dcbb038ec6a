import { useEffect, useRef, type ReactNode } from 'react';
import { printedParent, type RunReport } from '../../../shared/report';
import { raisedText } from '../error-text';
import { useI18n } from '../i18n';

/**
 * The lesson's key figure, first in the outcome so that it is on screen right
 * after a run (and fills the screen in presenter mode): what the notebook
 * would print, the parent's value after the run, or how many copies of the
 * dataset the processes hold. Computed from this run's report only.
 */
export function OutcomeHeadline({ report }: { report: RunReport }): ReactNode {
  const i18n = useI18n();
  const { t, format, count } = i18n;
  const section = useRef<HTMLElement>(null);
  // A run just ended: its outcome takes the focus, so the keyboard and the eyes land on it.
  useEffect(() => section.current?.focus(), [report]);
  const parent = printedParent(report);
  const { memory } = report;
  // The parent's copy (none when the threads' process builds the one copy) and the workers'.
  const copies =
    memory.duplication === null
      ? null
      : (memory.mainDatasetBytes + memory.workersDatasetBytes) / memory.datasetBytes;
  return (
    <section
      ref={section}
      tabIndex={-1}
      className="panel headline"
      data-testid="headline"
      aria-labelledby="headline-title"
    >
      <h2 id="headline-title" className="visually-hidden">
        {t('results.headline')}
      </h2>
      <p className="headline__line">
        <code className="headline__label">{t('results.printed')}</code>
        <code className="headline__value" data-testid="headline-printed">
          {report.printedResults ?? (report.error ? raisedText(report.error, i18n) : '')}
        </code>
      </p>
      {parent && (
        <p className="headline__line">
          <span className="headline__label">{t('results.parentAfterShort')}</span>
          <code className="headline__value" data-testid="headline-parent">
            {parent.name} = {parent.display}
          </code>
        </p>
      )}
      {copies !== null && (
        <p className="headline__line" data-testid="headline-copies">
          {t(report.threads ? 'results.copiesThreads' : 'results.copies', {
            workers: count('workers', report.params.nJobs),
            copies: format.fixed(copies, copies % 1 === 0 ? 0 : 2),
            bytes: format.bytes(memory.mainDatasetBytes + memory.workersDatasetBytes),
          })}
        </p>
      )}
    </section>
  );
}
