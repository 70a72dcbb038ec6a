import { useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { savePng, saveSvg } from '../memory/export';

interface Props {
  title: string;
  /** The run's settings, written under the title of a saved picture. */
  settings: string;
  note?: string;
  /** File name of the exports, without extension. */
  exportName: string;
  testId: string;
  children: ReactNode;
}

/** A chart with its title, what it shows, and buttons to save it as PNG or SVG. */
export function ChartPanel({
  title,
  settings,
  note,
  exportName,
  testId,
  children,
}: Props): ReactNode {
  const { t } = useI18n();
  const chart = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const save = (kind: 'png' | 'svg'): void => {
    if (!chart.current) return;
    setProblem(null);
    const caption = { title, settings };
    const done =
      kind === 'svg'
        ? Promise.resolve(saveSvg(chart.current, caption, exportName))
        : savePng(chart.current, caption, exportName);
    done.catch((error: Error) => setProblem(error.message));
  };
  return (
    <section className="panel chart-panel" data-testid={testId}>
      <header className="chart-panel__header">
        <h2>{title}</h2>
        <div className="chart-panel__export">
          <button
            type="button"
            className="button button--small"
            onClick={() => save('png')}
            data-testid={`${testId}-png`}
          >
            {t('memory.exportPng')}
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => save('svg')}
            data-testid={`${testId}-svg`}
          >
            {t('memory.exportSvg')}
          </button>
        </div>
      </header>
      {note && <p className="muted chart-panel__note">{note}</p>}
      <div ref={chart} className="chart-panel__chart">
        {children}
      </div>
      {problem && <p className="run-error">{problem}</p>}
    </section>
  );
}
