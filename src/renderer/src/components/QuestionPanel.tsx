/**
 * Predict, then run: the lesson's question before its run, and the reveal
 * after it, which marks the student's answer against the answer the run
 * showed (read from the run's report, see questions.ts).
 */
import type { ReactNode } from 'react';
import type { RunReport } from '../../../shared/report';
import { useI18n, type Translate, type TranslationKey } from '../i18n';
import { answerFromRun, type Choice, type Prediction, type Question } from '../questions';

/** The text of one answer. */
export function choiceText(t: Translate, question: Question, choice: Choice): string {
  return t(`questions.${question.lesson}.choices.${choice.id}` as TranslationKey, choice.values);
}

/** The question itself (worker-reuse says where its function is defined, in the UI's language). */
export function promptText(t: Translate, question: Question): string {
  const { where } = question.values;
  const values = where
    ? { ...question.values, where: t(`questions.worker-reuse.where.${where}` as TranslationKey) }
    : question.values;
  return t(`questions.${question.lesson}.prompt`, values);
}

const chosen = (prediction: Prediction | null): string | null =>
  prediction && 'choice' in prediction ? prediction.choice : null;

/** The question and its answers; answering (or skipping) is what unlocks Run. */
export function QuestionPanel({
  question,
  prediction,
  locked,
  onPredict,
}: {
  question: Question;
  prediction: Prediction | null;
  /** While a run goes on or its reveal is shown, the answer stands. */
  locked: boolean;
  onPredict: (prediction: Prediction) => void;
}): ReactNode {
  const { t } = useI18n();
  const name = `question-${question.lesson}`;
  return (
    <section className="panel question" data-testid="question">
      <fieldset disabled={locked}>
        <legend>
          <span className="question__title">{t('questions.title')}</span>
          <span className="question__prompt" data-testid="question-prompt">
            {promptText(t, question)}
          </span>
        </legend>
        <div className="question__choices">
          {question.choices.map((choice) => (
            <label key={choice.id} className="question__choice">
              <input
                type="radio"
                name={name}
                value={choice.id}
                checked={chosen(prediction) === choice.id}
                onChange={() => onPredict({ choice: choice.id })}
                data-testid={`question-choice-${choice.id}`}
              />
              <span>{choiceText(t, question, choice)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {!prediction && (
        <button
          type="button"
          className="button--link"
          onClick={() => onPredict({ skipped: true })}
          data-testid="question-skip"
        >
          {t('questions.skip')}
        </button>
      )}
    </section>
  );
}

/** Right, wrong, skipped, or a run that cannot answer: what the reveal says, and why. */
export function verdictOf(
  prediction: Prediction,
  answer: string | null,
): 'right' | 'wrong' | 'skipped' | 'cannot' {
  if (answer === null) return 'cannot';
  if (!('choice' in prediction)) return 'skipped';
  return prediction.choice === answer ? 'right' : 'wrong';
}

/** How a run answered a question: the answer it showed (null when it cannot), the verdict, and what the reveal says. */
export function revealOf(
  t: Translate,
  question: Question,
  prediction: Prediction,
  report: RunReport | null,
): { answer: string | null; verdict: ReturnType<typeof verdictOf>; says: string } {
  const answer = report ? answerFromRun(report) : null;
  const verdict = verdictOf(prediction, answer);
  const shown = question.choices.find((c) => c.id === answer);
  const shownText = shown ? choiceText(t, question, shown) : '';
  const says =
    verdict === 'right'
      ? t('questions.right')
      : verdict === 'wrong'
        ? t('questions.wrong', { answer: shownText })
        : verdict === 'skipped'
          ? t('questions.skipped', { answer: shownText })
          : t('questions.cannot');
  return { answer, verdict, says };
}

/** After the run: each answer marked, the student's against the run's, in words and signs. */
export function RevealPanel({
  question,
  prediction,
  report,
  onAskAgain,
}: {
  /** The question as asked for this run's own workers, tasks and rows. */
  question: Question;
  prediction: Prediction;
  report: RunReport | null;
  onAskAgain: (() => void) | null;
}): ReactNode {
  const { t } = useI18n();
  const { answer, verdict, says } = revealOf(t, question, prediction, report);
  const mine = chosen(prediction);
  return (
    <section
      className={`panel reveal reveal--${verdict}`}
      data-testid="reveal"
      data-verdict={verdict}
      data-answer={answer ?? ''}
    >
      <h2>{t('questions.revealTitle')}</h2>
      <p className="reveal__prompt">{promptText(t, question)}</p>
      <ul className="reveal__choices">
        {question.choices.map((choice) => (
          <li
            key={choice.id}
            data-testid={`reveal-choice-${choice.id}`}
            className={
              choice.id === answer ? 'reveal__choice reveal__choice--shown' : 'reveal__choice'
            }
          >
            <span>{choiceText(t, question, choice)}</span>
            {choice.id === answer && (
              <strong className="reveal__mark">{t('questions.shown')}</strong>
            )}
            {choice.id === mine && (
              <em className="reveal__mark">
                {mine === answer ? t('questions.yours') : t('questions.yoursWrong')}
              </em>
            )}
          </li>
        ))}
      </ul>
      <p className="reveal__verdict" role="status" data-testid="reveal-verdict">
        {says}
      </p>
      {onAskAgain && (
        <button type="button" className="button--link" onClick={onAskAgain} data-testid="ask-again">
          {t('questions.again')}
        </button>
      )}
    </section>
  );
}
