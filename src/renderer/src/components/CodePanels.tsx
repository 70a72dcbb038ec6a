import type { ReactNode } from 'react';
import type { LessonInfo } from '../../../shared/api';
import type { RunParams } from '../../../shared/params';
import { useI18n } from '../i18n';
import { pythonCell } from '../lesson-text';

/** The notebook's Python (with the run's workers and rows) beside the JavaScript that actually runs in each worker. */
export function CodePanels({
  lesson,
  params,
}: {
  lesson: LessonInfo;
  params: Pick<RunParams, 'nJobs' | 'rows'> & Partial<Pick<RunParams, 'definedIn'>>;
}): ReactNode {
  const { t } = useI18n();
  // Imported from a module, the definition lives in tasks.py and the notebook imports it.
  const imported =
    params.definedIn === 'module'
      ? `${t('code.module', { task: lesson.taskName, line: `from tasks import ${lesson.taskName}` })}\n\n`
      : '';
  return (
    <div className="code-panels">
      <figure className="code-panel">
        <figcaption>{t('code.python')}</figcaption>
        <pre data-testid="python-source" tabIndex={0} aria-label={t('code.python')}>
          <code>
            {imported}
            {pythonCell(lesson.pythonSource, params)}
          </code>
        </pre>
      </figure>
      <figure className="code-panel code-panel--worker">
        <figcaption>{t('code.worker')}</figcaption>
        <pre data-testid="worker-source" tabIndex={0} aria-label={t('code.worker')}>
          <code>{lesson.taskSource}</code>
        </pre>
        <p className="code-panel__note">{t('code.workerNote')}</p>
      </figure>
    </div>
  );
}
