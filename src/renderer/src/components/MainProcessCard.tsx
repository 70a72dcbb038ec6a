import type { ReactNode } from 'react';
import type { GlobalSummary } from '../../../shared/memory';
import { useI18n } from '../i18n';
import { GlobalList } from './GlobalList';

/** The parent process: its pid and its own globals. */
export function MainProcessCard({
  pid,
  globals,
  focus = false,
}: {
  pid: number;
  globals: GlobalSummary[];
  /** A stepwise run holds at something the parent does. */
  focus?: boolean;
}): ReactNode {
  const { t } = useI18n();
  return (
    <article
      className={`process-card process-card--main${focus ? ' process-card--focus' : ''}`}
      data-testid="main-card"
      data-pid={pid}
      data-focus={focus ? 'parent' : undefined}
    >
      <header>
        <h3>{t('map.main')}</h3>
        <span className="process-card__pid">{t('map.pid', { pid })}</span>
      </header>
      <h4>{t('map.globals')}</h4>
      <GlobalList globals={globals} testId="main-globals" />
    </article>
  );
}
