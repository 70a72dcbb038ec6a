/**
 * Presenter mode's question: it fills the lesson's area before the run, in
 * large type, so a class reads it and votes. Keys 1–n choose an answer
 * (a clicker's page keys are left to the room), Enter runs the lesson and
 * reveals, S skips the question.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import type { Prediction, Question } from '../questions';
import { choiceText, promptText } from './QuestionPanel';

export function QuestionStage({
  question,
  onRunWith,
  onSkip,
}: {
  question: Question;
  /** Records the answer and runs the lesson. */
  onRunWith: (prediction: Prediction) => void;
  onSkip: () => void;
}): ReactNode {
  const { t } = useI18n();
  const [staged, setStaged] = useState<string | null>(null);
  useEffect(() => {
    // In the capture phase, so the room's Enter (run) never sees a key the stage took.
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const index = Number(event.key) - 1;
      const choice = Number.isInteger(index) ? question.choices[index] : undefined;
      let handled = true;
      if (choice) setStaged(choice.id);
      else if (event.key === 'Enter' && staged) onRunWith({ choice: staged });
      else if (event.key === 's' || event.key === 'S') onSkip();
      else handled = false;
      if (!handled) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [question, staged, onRunWith, onSkip]);
  return (
    <section className="question-stage" data-testid="question-stage" aria-labelledby="stage-prompt">
      <h2 className="question-stage__title">{t('questions.title')}</h2>
      <p className="question-stage__prompt" id="stage-prompt">
        {promptText(t, question)}
      </p>
      <ol className="question-stage__choices">
        {question.choices.map((choice, i) => (
          <li key={choice.id}>
            <button
              type="button"
              aria-pressed={staged === choice.id}
              onClick={() => setStaged(choice.id)}
              data-testid={`stage-choice-${choice.id}`}
            >
              <span className="question-stage__key">{i + 1}</span>
              {choiceText(t, question, choice)}
            </button>
          </li>
        ))}
      </ol>
      <div className="question-stage__actions">
        <button
          type="button"
          className="button button--run"
          disabled={!staged}
          onClick={() => staged && onRunWith({ choice: staged })}
          data-testid="stage-run"
        >
          ▶ {t('controls.run')}
        </button>
        <button type="button" className="button--link" onClick={onSkip} data-testid="stage-skip">
          {t('questions.skip')}
        </button>
      </div>
      <p className="question-stage__hint">
        {t('questions.presenterHint', { n: question.choices.length })}
      </p>
    </section>
  );
}
