import type { ReactNode } from 'react';
import type { GlobalSummary } from '../../../shared/memory';
import { formatBytes } from '../format';
import { useI18n } from '../i18n';

/** Globals as `name = value` lines, the dataset by its shape. */
export function GlobalList({
  globals,
  testId,
}: {
  globals: GlobalSummary[];
  testId: string;
}): ReactNode {
  const { t } = useI18n();
  const value = (global: GlobalSummary): string =>
    global.kind === 'dataframe'
      ? t('map.dataframe', {
          rows: (global.rows ?? 0).toLocaleString('en-US'),
          size: formatBytes(global.bytes),
        })
      : global.display;
  return (
    <ul className="global-list" data-testid={testId}>
      {globals.map((global) => (
        <li key={global.name}>
          <code>
            {global.name} = {value(global)}
          </code>
        </li>
      ))}
    </ul>
  );
}
