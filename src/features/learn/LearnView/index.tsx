// The Learn view: the lessons | the current step | the learner's predictions so far and the
// glossary. Each step hands its experiment to the other views through a share link.
import { GLOSSARY, type GlossaryId } from '../../../lessons/glossary';
import { lessonById, LESSONS } from '../../../lessons/lessons';
import { useAppStore } from '../../../store';
import { stepKey } from '../learnSlice';
import { LessonStepCard } from './LessonStepCard';
import './LearnView.css';

function LessonList() {
  const lessonId = useAppStore((s) => s.lessonId);
  const guesses = useAppStore((s) => s.guesses);
  const openLesson = useAppStore((s) => s.openLesson);
  return (
    <nav aria-label="Lessons">
      <h2 className="learn__heading">Lessons</h2>
      <ol className="lesson-list">
        {LESSONS.map((lesson) => {
          const done = lesson.steps.filter((step) => guesses[stepKey(lesson.id, step.id)] !== undefined).length;
          return (
            <li key={lesson.id}>
              <button type="button" className="lesson-list__item" aria-current={lesson.id === lessonId ? 'step' : undefined} onClick={() => openLesson(lesson.id)}>
                <span className="lesson-list__title">{lesson.title}</span>
                <span className="lesson-list__summary">{lesson.summary}</span>
                <span className="lesson-list__progress">
                  {done} of {lesson.steps.length} predictions made
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function Scorecard() {
  const guesses = useAppStore((s) => s.guesses);
  let made = 0;
  let right = 0;
  for (const lesson of LESSONS)
    for (const step of lesson.steps) {
      const g = guesses[stepKey(lesson.id, step.id)];
      if (g === undefined) continue;
      made += 1;
      if (g === step.prediction.answer) right += 1;
    }
  return (
    <section aria-labelledby="scorecard-title" className="learn-score">
      <h2 className="learn__heading" id="scorecard-title">
        Your predictions
      </h2>
      {made === 0 ? (
        <p className="learn-score__value learn-score__value--empty">No predictions yet</p>
      ) : (
        <p className="learn-score__value">
          {right} <span className="learn-score__of">of {made} matched the research</span>
        </p>
      )}
      <p className="learn-score__note">Predicting first makes the result stick, right or wrong. Your guesses stay in this browser only.</p>
    </section>
  );
}

function Glossary() {
  const ids = Object.keys(GLOSSARY) as GlossaryId[];
  return (
    <details className="learn-glossary">
      <summary>Glossary ({ids.length} terms)</summary>
      <dl>
        {ids.map((id) => (
          <div key={id} className="learn-glossary__entry">
            <dt>{GLOSSARY[id].term}</dt>
            <dd>{GLOSSARY[id].definition}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

export function LearnView() {
  const lesson = lessonById(useAppStore((s) => s.lessonId)) ?? LESSONS[0];
  return (
    <main className="workspace workspace--learn" id="view-learn" role="tabpanel" aria-labelledby="tab-learn">
      <aside className="zone zone--controls" aria-label="Lessons">
        <LessonList />
      </aside>
      <section className="zone zone--chart learn__middle" aria-label="Lesson">
        <LessonStepCard lesson={lesson} />
        <Glossary />
      </section>
      <aside className="zone zone--result" aria-label="Your progress">
        <Scorecard />
      </aside>
    </main>
  );
}
