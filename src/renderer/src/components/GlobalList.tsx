import type { ReactNode } from 'react';
import type { GlobalSummary } from '../../../shared/memory';

/** Globals as `name = value` lines, the dataset by its shape. */
export function GlobalList({
  globals,
  testId,
}: {
  globals: GlobalSummary[];
  testId: string;
}): ReactNode {
  return (
    <ul className="global-list" data-testid={testId}>
      {globals.map((global) => (
        <li key={global.name}>
          <code>
            {global.name} = {global.display}
          </code>
        </li>
      ))}
    </ul>
  );
}
