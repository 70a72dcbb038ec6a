/**
 * Keeping the class's work: a finished run saved as its JSON report (the
 * same shape `lab run --json` prints), and a one-page summary for print or
 * PDF: the lesson, the question and the answer chosen, the result, what
 * each process did and the chart, in the UI's language.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import type { LessonInfo } from '../../../shared/api';
import { printedParent, type RunReport } from '../../../shared/report';
import { raisedText } from '../error-text';
import { useI18n } from '../i18n';
import { takeawayValues } from '../lesson-text';
import { chartSvg } from '../memory/export';
import type { Prediction, Question } from '../questions';
import { saveJson } from '../save-file';
import { choiceText, promptText, revealOf } from './QuestionPanel';

/** The most characters of a result a summary prints: a million results stay in the JSON report. */
const SUMMARY_RESULT_CHARS = 160;

const shortened = (text: string): string =>
  text.length <= SUMMARY_RESULT_CHARS ? text : `${text.slice(0, SUMMARY_RESULT_CHARS)} …`;

/** The workers a summary lists, so that it stays one page with 32 of them. */
const SUMMARY_WORKERS = 4;

/** The question as it stood for the run: asked (with what was answered) or not asked. */
export interface AskedQuestion {
  question: Question;
  prediction: Prediction | null;
}

/** The run's chart as an SVG picture (its title and settings drawn in), or null when the lesson has none on screen. */
function chartPicture(settings: string): string | null {
  const panel = document.querySelector<HTMLElement>('[data-testid="chart-timeline"]');
  const container = panel?.querySelector<HTMLElement>('.chart-panel__chart');
  if (!panel || !container) return null;
  const title = panel.querySelector('h2')?.textContent ?? '';
  try {
    const { text } = chartSvg(container, { title, settings });
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  } catch {
    // Nothing drawn (the print layout hides the screen's chart): the picture taken before stays.
    return null;
  }
}

/** The buttons that save the report and print the summary, and the summary itself (shown only in print). */
export function RunExport({
  lesson,
  report,
  asked,
  chartSettings,
}: {
  lesson: LessonInfo;
  report: RunReport;
  asked: AskedQuestion;
  /** The run's settings, written under the chart's title in the summary. */
  chartSettings: string;
}): ReactNode {
  const { t } = useI18n();
  const [chart, setChart] = useState<string | null>(null);
  // Ctrl+P prints the summary too: the chart's picture is taken just before.
  useEffect(() => {
    const capture = (): void => {
      const picture = chartPicture(chartSettings);
      if (picture) flushSync(() => setChart(picture));
    };
    window.addEventListener('beforeprint', capture);
    return () => window.removeEventListener('beforeprint', capture);
  }, [chartSettings]);
  const stamp = report.timings.startedAt.replaceAll(':', '-').replace(/\..*$/, '');
  return (
    <section className="panel run-export" data-testid="run-export">
      <h2>{t('export.title')}</h2>
      <div className="run-export__buttons">
        <button
          type="button"
          className="button button--small"
          onClick={() => saveJson(report, `isolation-lab-${lesson.id}-${stamp}.json`)}
          data-testid="export-json"
        >
          {t('export.json')}
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            flushSync(() => setChart(chartPicture(chartSettings)));
            window.print();
          }}
          data-testid="export-summary"
        >
          {t('export.print')}
        </button>
      </div>
      <p className="muted">{t('export.printHint')}</p>
      <RunSummary lesson={lesson} report={report} asked={asked} chart={chart} />
    </section>
  );
}

/** The question, the answer chosen and how the run answered it, for the summary. */
function SummaryQuestion({
  asked,
  report,
}: {
  asked: AskedQuestion;
  report: RunReport;
}): ReactNode {
  const { t } = useI18n();
  const { question, prediction } = asked;
  if (!prediction) return <p>{t('export.notAsked')}</p>;
  const mine =
    'choice' in prediction ? question.choices.find((c) => c.id === prediction.choice) : undefined;
  return (
    <>
      <p>{promptText(t, question)}</p>
      <p data-testid="summary-chosen">
        {mine ? t('export.chosen', { answer: choiceText(t, question, mine) }) : t('export.skipped')}
      </p>
      <p className="summary__verdict" data-testid="summary-verdict">
        {revealOf(t, question, prediction, report).says}
      </p>
    </>
  );
}

/** One page: printed from the lesson, hidden on screen. */
function RunSummary({
  lesson,
  report,
  asked,
  chart,
}: {
  lesson: LessonInfo;
  report: RunReport;
  asked: AskedQuestion;
  chart: string | null;
}): ReactNode {
  const i18n = useI18n();
  const { t, format, count, language } = i18n;
  const { params } = report;
  const ranAt = new Date(report.timings.startedAt).toLocaleString(format.locale);
  const settings = [
    count('workers', params.nJobs),
    count('tasks', params.tasks),
    ...(lesson.usesDataset ? [count('rows', params.rows)] : []),
    t('export.batch', { batch: String(params.batchSize) }),
  ].join(' · ');
  const parent = printedParent(report);
  return (
    <article className="summary" data-testid="summary" lang={language}>
      <header>
        <h1>
          {t('export.summaryTitle', {
            app: t('app.title'),
            lesson: t(`lessons.${lesson.id}.title`),
          })}
        </h1>
        <p>{t('export.ranAt', { date: ranAt, settings })}</p>
      </header>
      <h2>{t('questions.title')}</h2>
      <SummaryQuestion asked={asked} report={report} />
      <h2>{t('results.headline')}</h2>
      <p>
        <code>
          {t('results.printed')}{' '}
          {shortened(report.printedResults ?? (report.error ? raisedText(report.error, i18n) : ''))}
        </code>
      </p>
      {parent && (
        <p>
          <code>
            {t('results.parentAfterShort')} {parent.name} = {parent.display}
          </code>
        </p>
      )}
      <table className="summary__workers">
        <thead>
          <tr>
            <th scope="col">{t('memory.process')}</th>
            <th scope="col">{t('map.received')}</th>
            <th scope="col">{t('map.tasks')}</th>
          </tr>
        </thead>
        <tbody>
          {report.workers.slice(0, SUMMARY_WORKERS).map((worker) => (
            <tr key={worker.pid}>
              <th scope="row">
                {t('map.worker', { n: worker.slot + 1 })} · {t('map.pid', { pid: worker.pid })}
              </th>
              <td>
                {worker.received.length > 0
                  ? worker.received
                      .map((g) =>
                        g.kind === 'dataframe'
                          ? `${g.name} (${format.bytes(g.bytes)})`
                          : `${g.name} = ${g.display}`,
                      )
                      .join(', ')
                  : t('map.receivedNone')}
              </td>
              <td>{format.count(worker.taskIndexes.length)}</td>
            </tr>
          ))}
          {report.workers.length > SUMMARY_WORKERS && (
            <tr>
              <td colSpan={3}>
                {t('export.moreWorkers', { n: report.workers.length - SUMMARY_WORKERS })}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {chart && <img className="summary__chart" src={chart} alt={t('export.chartAlt')} />}
      {report.error === null || report.error.name === 'WorkerError' ? (
        <>
          <h2>{t('results.takeaway')}</h2>
          <p>{t(`lessons.${lesson.id}.takeaway`, takeawayValues(report, format, count))}</p>
          <p>{t(`lessons.${lesson.id}.why`)}</p>
        </>
      ) : null}
      <footer>
        {t('app.hostLine', { pid: report.host.pid, backend: report.host.backend })} ·{' '}
        {report.host.platform}
      </footer>
    </article>
  );
}
