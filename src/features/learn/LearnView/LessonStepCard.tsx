// One step: what to notice, a prediction to commit to, then the answer and the experiment that
// shows it. The answer stays hidden until the learner has guessed, so the guess is theirs.
import { useEffect, useState } from 'react';
import type { Lesson } from '../../../lessons/lessons';
import { LESSONS } from '../../../lessons/lessons';
import { useAppStore } from '../../../store';
import { stepKey } from '../learnSlice';
import { LessonText } from './LessonText';
import { ActionBar } from '../../../shared/ui/ActionBar';

export function LessonStepCard({ lesson }: { lesson: Lesson }) {
  const stepIndex = useAppStore((s) => s.stepIndex);
  const step = lesson.steps[stepIndex];
  const key = stepKey(lesson.id, step.id);
  const guessed = useAppStore((s) => s.guesses[key]);
  const { guess, goToStep, openLesson, setUpStep } = useAppStore.getState();
  const [choice, setChoice] = useState<number | null>(guessed ?? null);
  useEffect(() => setChoice(guessed ?? null), [key, guessed]);

  const last = stepIndex === lesson.steps.length - 1;
  const nextLesson = LESSONS[LESSONS.findIndex((l) => l.id === lesson.id) + 1];
  const { prediction } = step;
  const revealed = guessed !== undefined;
  const right = guessed === prediction.answer;

  return (
    <article className="lesson-step" aria-labelledby="lesson-step-title">
      <p className="lesson-step__count">
        {lesson.title} · step {stepIndex + 1} of {lesson.steps.length}
      </p>
      <h2 className="lesson-step__title" id="lesson-step-title">
        {step.title}
      </h2>
      <p className="lesson-step__text">
        <LessonText text={step.text} />
      </p>

      <fieldset className="lesson-step__predict">
        <legend className="lesson-step__prompt">
          <span className="lesson-step__tag">Predict</span> <LessonText text={prediction.prompt} />
        </legend>
        {prediction.options.map((option, i) => (
          <label key={option} className={`lesson-option${revealed && i === prediction.answer ? ' lesson-option--answer' : ''}`}>
            <input type="radio" name={`guess-${key}`} value={i} checked={choice === i} onChange={() => setChoice(i)} disabled={revealed} />
            <span>{option}</span>
            {revealed && i === prediction.answer ? <span className="lesson-option__badge">research</span> : null}
          </label>
        ))}
        {!revealed ? (
          <ActionBar label="Your prediction" placement="inline">
            <button type="button" className="btn btn--primary lesson-step__lock" disabled={choice === null} onClick={() => choice !== null && guess(key, choice)}>
              Lock in my prediction
            </button>
            {choice === null ? <span className="lesson-step__bar-hint">Choose an answer above first.</span> : null}
          </ActionBar>
        ) : null}
      </fieldset>

      <div role="status" className="lesson-step__reveal">
        {revealed ? (
          <>
            <p className="lesson-step__verdict">{right ? 'Your prediction matches what the research found.' : `You predicted “${prediction.options[guessed]}”; the research found “${prediction.options[prediction.answer]}”.`}</p>
            <p>
              <LessonText text={prediction.explanation} />
            </p>
          </>
        ) : null}
      </div>
      {revealed ? (
        <div className="lesson-step__try">
          <p>
            <strong>See for yourself.</strong> {step.experiment.action}
          </p>
          <ActionBar label="Try it" placement="inline">
            <button type="button" className="btn btn--primary" onClick={setUpStep}>
              Open the experiment
            </button>
          </ActionBar>
        </div>
      ) : null}

      <nav className="lesson-step__nav" aria-label="Lesson steps">
        <button type="button" className="btn" onClick={() => goToStep(stepIndex - 1)} disabled={stepIndex === 0}>
          Previous step
        </button>
        {!last ? (
          <button type="button" className="btn" onClick={() => goToStep(stepIndex + 1)}>
            Next step
          </button>
        ) : nextLesson ? (
          <button type="button" className="btn" onClick={() => openLesson(nextLesson.id)}>
            Next lesson: {nextLesson.title}
          </button>
        ) : null}
      </nav>
    </article>
  );
}
