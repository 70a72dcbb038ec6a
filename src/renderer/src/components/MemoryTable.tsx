import type { ReactNode } from 'react';
import type { CompareReport } from '../../../shared/report';
import { useI18n } from '../i18n';
import { compareCsv, measuredGrowth } from '../memory/chart-data';
import { saveCsv } from '../memory/export';

/** Every figure of the charts, exactly, with the totals and the ideal; and the CSV of it all. */
export function MemoryTable({ report }: { report: CompareReport }): ReactNode {
  const { t, format } = useI18n();
  const [full, partial] = report.strategies;
  const figure = report.figure.toUpperCase();
  const count = Math.max(full.processes.length, partial.processes.length);
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
      <table>
        <thead>
          <tr>
            <th rowSpan={2}>{t('memory.process')}</th>
            <th colSpan={2}>{t('memory.full')}</th>
            <th colSpan={2}>{t('memory.partial')}</th>
          </tr>
          <tr>
            <th>{t('memory.counted')}</th>
            <th>{t('memory.measured', { figure })}</th>
            <th>{t('memory.counted')}</th>
            <th>{t('memory.measured', { figure })}</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: count }, (_, i) => {
            const f = full.processes[i];
            const p = partial.processes[i];
            const row = f ?? p;
            if (!row) return null;
            const name =
              row.role === 'main'
                ? t('memory.parent')
                : t('memory.worker', { n: (row.slot ?? 0) + 1 });
            return (
              <tr key={i} data-testid="memory-row" data-role={row.role}>
                <th scope="row">{name}</th>
                <td data-testid="full-counted">{format.mib(f?.datasetBytes ?? null)}</td>
                <td data-testid="full-measured">
                  {row.role === 'main'
                    ? ''
                    : format.mib(f ? measuredGrowth(f, report.figure) : null)}
                </td>
                <td data-testid="partial-counted">{format.mib(p?.datasetBytes ?? null)}</td>
                <td data-testid="partial-measured">
                  {row.role === 'main'
                    ? ''
                    : format.mib(p ? measuredGrowth(p, report.figure) : null)}
                </td>
              </tr>
            );
          })}
          <tr className="memory-table__total">
            <th scope="row">{t('memory.allWorkers')}</th>
            <td data-testid="full-workers-counted">{format.mib(full.workersDatasetBytes)}</td>
            <td data-testid="full-workers-measured">{format.mib(full.workersMeasuredBytes)}</td>
            <td data-testid="partial-workers-counted">{format.mib(partial.workersDatasetBytes)}</td>
            <td data-testid="partial-workers-measured">
              {format.mib(partial.workersMeasuredBytes)}
            </td>
          </tr>
          <tr className="memory-table__total">
            <th scope="row">{t('memory.duplication')}</th>
            <td colSpan={2} data-testid="full-duplication">
              {format.times(full.duplication)}
            </td>
            <td colSpan={2} data-testid="partial-duplication">
              {format.times(partial.duplication)}
            </td>
          </tr>
          <tr className="memory-table__total">
            <th scope="row">{t('memory.ideal')}</th>
            <td colSpan={2}>{`${format.mib(full.idealBytes)} = (N+1)·D`}</td>
            <td colSpan={2}>{`${format.mib(partial.idealBytes)} = 2·D`}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
