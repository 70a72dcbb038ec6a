import type { ReactNode } from 'react';
import type { LessonInfo } from '../../../shared/api';
import { VIEW_ORDER, type LessonId } from '../../../shared/lessons';
import { useI18n } from '../i18n';

/** A lesson id, or the memory comparison that closes the databases section. */
export type ViewId = LessonId | 'compare';

interface Props {
  lessons: LessonInfo[];
  selected: ViewId;
  onSelect: (id: ViewId) => void;
  /** While a run goes on, the lesson stays put. */
  disabled: boolean;
}

/** The lessons, grouped by the tutorial's sections, numbered in its order. */
export function LessonList({ lessons, selected, onSelect, disabled }: Props): ReactNode {
  const { t } = useI18n();
  const sections = ['globals', 'databases', 'beyond'] as const;
  const number = (id: ViewId): number => VIEW_ORDER.indexOf(id) + 1;
  return (
    <nav className="lesson-list" aria-label={t('app.lessonsNav')}>
      {sections.map((section) => (
        <section key={section}>
          <h2>{t(`sections.${section}`)}</h2>
          <ol>
            {lessons
              .filter((lesson) => lesson.section === section)
              .map((lesson) => (
                <li key={lesson.id}>
                  <button
                    type="button"
                    className={
                      lesson.id === selected
                        ? 'lesson-list__item lesson-list__item--selected'
                        : 'lesson-list__item'
                    }
                    aria-current={lesson.id === selected ? 'page' : undefined}
                    data-testid={`lesson-link-${lesson.id}`}
                    disabled={disabled && lesson.id !== selected}
                    onClick={() => onSelect(lesson.id)}
                  >
                    <span className="lesson-list__number" aria-hidden="true">
                      {number(lesson.id)}
                    </span>
                    <span className="lesson-list__title">{t(`lessons.${lesson.id}.title`)}</span>
                  </button>
                </li>
              ))}
            {section === 'databases' && (
              <li>
                <button
                  type="button"
                  className={
                    selected === 'compare'
                      ? 'lesson-list__item lesson-list__item--selected'
                      : 'lesson-list__item'
                  }
                  aria-current={selected === 'compare' ? 'page' : undefined}
                  data-testid="lesson-link-compare"
                  disabled={disabled && selected !== 'compare'}
                  onClick={() => onSelect('compare')}
                >
                  <span className="lesson-list__number" aria-hidden="true">
                    {number('compare')}
                  </span>
                  <span className="lesson-list__title">{t('compare.short')}</span>
                </button>
              </li>
            )}
          </ol>
        </section>
      ))}
    </nav>
  );
}
