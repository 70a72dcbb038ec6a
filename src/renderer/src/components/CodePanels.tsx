import type { ReactNode } from 'react';
import type { LessonInfo } from '../../../shared/api';
import { useI18n } from '../i18n';

/** The notebook's Python beside the JavaScript that actually runs in each worker. */
export function CodePanels({ lesson }: { lesson: LessonInfo }): ReactNode {
  const { t } = useI18n();
  return (
    <div className="code-panels">
      <figure className="code-panel">
        <figcaption>{t('code.python')}</figcaption>
        <pre data-testid="python-source">
          <code>{lesson.pythonSource}</code>
        </pre>
      </figure>
      <figure className="code-panel code-panel--worker">
        <figcaption>{t('code.worker')}</figcaption>
        <pre data-testid="worker-source">
          <code>{lesson.taskSource}</code>
        </pre>
        <p className="code-panel__note">{t('code.workerNote')}</p>
      </figure>
    </div>
  );
}
