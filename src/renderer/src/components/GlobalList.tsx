import type { ReactNode } from 'react';
import type { GlobalSummary } from '../../../shared/memory';
import { useI18n } from '../i18n';

/** Globals as `name = value` lines, the dataset by its shape. */
export function GlobalList({
  globals,
  testId,
}: {
  globals: GlobalSummary[];
  testId: string;
}): ReactNode {
  const { t, format } = useI18n();
  const value = (global: GlobalSummary): string =>
    global.kind === 'dataframe'
      ? t('map.dataframe', {
          rows: format.count(global.rows ?? 0),
          size: format.bytes(global.bytes),
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
