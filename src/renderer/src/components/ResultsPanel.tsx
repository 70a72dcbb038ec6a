import type { ReactNode } from 'react';
import type { LessonInfo } from '../../../shared/api';
import { DEFAULT_PARAMS } from '../../../shared/params';
import { printedParent, type RunReport } from '../../../shared/report';
import { useI18n } from '../i18n';
import { asTheNotebookWritesIt } from '../lesson-text';

/** What the notebook ran, said when this run's results differ from what it printed. */
function differsText(
  lesson: LessonInfo,
  report: RunReport,
  { t, count }: Pick<ReturnType<typeof useI18n>, 't' | 'count'>,
): string {
  const notebook = DEFAULT_PARAMS;
  return t('results.differs', {
    tasks: count('tasks', notebook.tasks),
    workers: count('workers', notebook.nJobs),
    rows: lesson.usesDataset
      ? t('results.differsRows', { rows: count('rows', notebook.rows) })
      : '',
    where: report.params.definedIn === notebook.definedIn ? '' : t('results.differsWhere'),
  });
}

/** What the notebook would print, beside what it did print, and the lesson's point. */
export function ResultsPanel({
  lesson,
  report,
}: {
  lesson: LessonInfo;
  report: RunReport;
}): ReactNode {
  const i18n = useI18n();
  const { t, format } = i18n;
  const parent = printedParent(report);
  const notebookFirstLine = lesson.notebookOutput.split('\n')[0];
  const matches = asTheNotebookWritesIt(report) === notebookFirstLine;
  const duplication = report.memory.duplication;
  return (
    <section className="panel results" aria-label={t('results.title')}>
      <h2>{t('results.title')}</h2>
      <div className="results__grid">
        <div>
          <h3>
            <code>{t('results.printed')}</code>
          </h3>
          {report.printedResults === null ? (
            <p className="muted">{t('results.none')}</p>
          ) : (
            <pre className="output" data-testid="results-printed">
              {report.printedResults}
            </pre>
          )}
        </div>
        {report.printedResults !== null && (
          <div>
            <h3>{t('results.notebook')}</h3>
            <pre className="output output--notebook" data-testid="results-notebook">
              {notebookFirstLine}
            </pre>
            <p
              className={matches ? 'verdict verdict--same' : 'verdict'}
              data-testid="results-verdict"
            >
              {matches ? `✔ ${t('results.matches')}` : differsText(lesson, report, i18n)}
            </p>
          </div>
        )}
        {parent && (
          <div>
            <h3>{t('results.parentAfter', { name: parent.name })}</h3>
            <pre className="output" data-testid="parent-after">
              {parent.name} = {parent.display}
            </pre>
          </div>
        )}
      </div>
      {duplication !== null && (
        <p data-testid="duplication">
          {t('results.duplication', {
            workers: format.bytes(report.memory.workersDatasetBytes),
            dataset: format.bytes(report.memory.datasetBytes),
            times: format.fixed(duplication, 1),
          })}
        </p>
      )}
      <p className="muted" data-testid="timing">
        {t('results.timing', {
          ms: format.count(Math.round(report.timings.totalMs)),
          pool:
            report.timings.poolStartMs < 1
              ? t('results.poolReused')
              : t('results.poolStarted', {
                  ms: format.count(Math.round(report.timings.poolStartMs)),
                }),
          excel: !lesson.usesExcel
            ? ''
            : report.timings.excelWriteMs < 1
              ? t('results.excelReused')
              : t('results.excelWritten', {
                  ms: format.count(Math.round(report.timings.excelWriteMs)),
                }),
        })}
      </p>
    </section>
  );
}
