// While a lesson's experiment is open in another view, a slim bar says what to do there and
// leads back to the lesson, so the learner never has to remember where they were.
import { lessonById } from '../../../lessons/lessons';
import { useAppStore } from '../../../store';
import './LessonDock.css';

/** The view a step's experiment opens (its link's `view`, the Train view when it names none). */
function viewOfLink(link: string): string {
  return new URLSearchParams(link).get('view') ?? 'train';
}

export function LessonDock() {
  const docked = useAppStore((s) => s.lessonDock);
  const view = useAppStore((s) => s.view);
  const lesson = lessonById(useAppStore((s) => s.lessonId));
  const stepIndex = useAppStore((s) => s.stepIndex);
  const { setView, closeLessonDock } = useAppStore.getState();
  const step = lesson?.steps[stepIndex];
  // Only in the view the step opened: elsewhere the learner has left the lesson's experiment.
  if (!docked || !lesson || !step || view !== viewOfLink(step.experiment.link)) return null;
  return (
    <aside className="lesson-dock" aria-label="Lesson in progress">
      <p className="lesson-dock__text">
        <span className="lesson-dock__where">
          {lesson.title}, step {stepIndex + 1} of {lesson.steps.length}:
        </span>{' '}
        {step.experiment.action}
      </p>
      <button type="button" className="btn btn--primary lesson-dock__back" onClick={() => setView('learn')}>
        Back to the lesson
      </button>
      <button type="button" className="btn btn--quiet lesson-dock__close" aria-label="Close the lesson bar" onClick={closeLessonDock}>
        ×
      </button>
    </aside>
  );
}
