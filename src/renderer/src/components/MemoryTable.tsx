import { Fragment, type ReactNode } from 'react';
import type { CompareReport, StrategySummary } from '../../../shared/report';
import { MIB } from '../../../shared/memory';
import { IDEAL_COPIES } from '../../../shared/strategies';
import { useI18n, type Translate, type Unit } from '../i18n';
import { comparePlaces, compareCsv, measuredGrowth, type Place } from '../memory/chart-data';
import { saveCsv } from '../memory/export';

/**
 * What a place of the comparison is called: the parent, worker n, or the
 * threads' one process (on a chart's axis, `short`: "Threads", which fits
 * beside "Worker 4" where "4 threads" read as one label with it).
 */
export function placeName(
  place: Pick<Place, 'process' | 'n'>,
  t: Translate,
  count: (unit: Unit, n: number) => string,
  short = false,
): string {
  if (place.process === 'main') return t('memory.parent');
  if (place.process === 'threads')
    return short
      ? t('memory.threadsAxis')
      : t('memory.threadsProcess', { threads: count('threads', place.n) });
  return t('memory.worker', { n: place.n });
}

/** The table's figures are MiB with two decimals, the unit said once above it. */
function useMiB(): (bytes: number | null) => string {
  const { format } = useI18n();
  return (bytes) => (bytes === null ? '—' : format.fixed(bytes / MIB, 2));
}

/** A strategy's totals, one row each: the workers' sum, the duplication, the ideal. */
function TotalRows({ strategies }: { strategies: StrategySummary[] }): ReactNode {
  const { t, format } = useI18n();
  const mib = useMiB();
  return (
    <>
      <tr className="memory-table__total">
        <th scope="row">{t('memory.allWorkers')}</th>
        {strategies.map((s) => (
          <Fragment key={s.experiment}>
            <td data-testid={`${s.experiment}-workers-counted`}>{mib(s.workersDatasetBytes)}</td>
            <td data-testid={`${s.experiment}-workers-measured`}>{mib(s.workersMeasuredBytes)}</td>
          </Fragment>
        ))}
      </tr>
      <tr className="memory-table__total">
        <th scope="row">{t('memory.duplication')}</th>
        {strategies.map((s) => (
          <td key={s.experiment} colSpan={2} data-testid={`${s.experiment}-duplication`}>
            {format.times(s.duplication)}
          </td>
        ))}
      </tr>
      <tr className="memory-table__total">
        <th scope="row">{t('memory.ideal')}</th>
        {strategies.map((s) => (
          <td key={s.experiment} colSpan={2} data-testid={`${s.experiment}-ideal`}>
            {`${mib(s.idealBytes)} = ${IDEAL_COPIES[s.experiment].formula}`}
          </td>
        ))}
      </tr>
    </>
  );
}

/** What the threads' process holds besides the copy: each thread's heap, and what the ended threads left (when anything shows). */
function ThreadsNote({ shared }: { shared: StrategySummary }): ReactNode {
  const { t, format, count } = useI18n();
  const heaps = shared.threadHeapGrowth ?? [];
  const rest = (shared.workersMeasuredBytes ?? 0) - shared.workersDatasetBytes;
  const note = t('memory.threadsNote', {
    threads: count('threads', heaps.length),
    heap: format.bytes(Math.max(0, ...heaps)),
  });
  // Under 0.01 MiB, the rest would read 0.00 MiB: nothing to explain.
  const shown =
    rest >= 0.005 * MIB ? ` ${t('memory.threadsRest', { rest: format.mib(rest) })}` : '';
  return (
    <p className="memory-table__note" data-testid="threads-note">
      {note}
      {shown}
    </p>
  );
}

/** Every figure of the charts, exactly, with the totals and the ideal; and the CSV of it all. */
export function MemoryTable({ report }: { report: CompareReport }): ReactNode {
  const { t, count } = useI18n();
  const mib = useMiB();
  const figure = report.figure.toUpperCase();
  const { strategies } = report;
  const shared = strategies.find((s) => s.threadHeapGrowth !== null);
  return (
    <section className="panel memory-table" data-testid="memory-table">
      <header className="chart-panel__header">
        <h2>{t('memory.tableTitle')}</h2>
        <button
          type="button"
          className="button button--small"
          onClick={() => saveCsv(compareCsv(report), 'memory-compare')}
          data-testid="export-csv"
        >
          {t('memory.exportCsv')}
        </button>
      </header>
      <p className="memory-table__note">{t('memory.tableNote', { figure })}</p>
      <table>
        <thead>
          <tr>
            <th rowSpan={2}>{t('memory.process')}</th>
            {strategies.map((s) => (
              <th key={s.experiment} colSpan={2}>
                {t(`memory.strategies.${s.experiment}`)}
              </th>
            ))}
          </tr>
          <tr>
            {strategies.map((s) => [
              <th key={`${s.experiment}-counted`}>{t('memory.counted')}</th>,
              <th key={`${s.experiment}-measured`}>{t('memory.measured')}</th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {comparePlaces(report).map((place) => (
            <tr key={place.key} data-testid="memory-row" data-role={place.process}>
              <th scope="row">{placeName(place, t, count)}</th>
              {strategies.map((s) => {
                const row = place.rows[s.experiment];
                return [
                  <td key={`${s.experiment}-counted`} data-testid={`${s.experiment}-counted`}>
                    {row ? mib(row.datasetBytes) : ''}
                  </td>,
                  <td key={`${s.experiment}-measured`} data-testid={`${s.experiment}-measured`}>
                    {row && row.role !== 'main' ? mib(measuredGrowth(row, report.figure)) : ''}
                  </td>,
                ];
              })}
            </tr>
          ))}
          <TotalRows strategies={strategies} />
        </tbody>
      </table>
      {shared && <ThreadsNote shared={shared} />}
    </section>
  );
}
