import type { ReactNode } from 'react';
import type { GlobalSummary } from '../../../shared/memory';
import type { Formats } from '../format';
import { useI18n, type Translate } from '../i18n';

/** A global's value as the UI writes it: the dataset by its shape and size, anything else as Python prints it. */
export function globalValue(global: GlobalSummary, t: Translate, format: Formats): string {
  return global.kind === 'dataframe'
    ? t('map.dataframe', { rows: format.count(global.rows ?? 0), size: format.bytes(global.bytes) })
    : global.display;
}

/** Globals as `name = value` lines, the dataset by its shape. */
export function GlobalList({
  globals,
  testId,
}: {
  globals: GlobalSummary[];
  testId: string;
}): ReactNode {
  const { t, format } = useI18n();
  return (
    <ul className="global-list" data-testid={testId}>
      {globals.map((global) => (
        <li key={global.name}>
          <code>
            {global.name} = {globalValue(global, t, format)}
          </code>
        </li>
      ))}
    </ul>
  );
}
