// Where the learner is in the lessons and what they predicted, kept in localStorage so a reload
// (or a day away) picks up at the same step. Setting up a step's experiment goes through the
// share link, exactly as if a teacher had sent it.
import type { StateCreator } from 'zustand';
import { lessonById, LESSONS, type LessonId } from '../../lessons/lessons';
import type { AppState, LearnSlice } from '../../store/types';

const STORAGE_KEY = 'compression-playground.lessons.v1';

interface Saved {
  lessonId: LessonId;
  stepIndex: number;
  guesses: Record<string, number>;
}

export const stepKey = (lessonId: string, stepId: string) => `${lessonId}/${stepId}`;

function load(): Saved {
  const fallback: Saved = { lessonId: LESSONS[0].id, stepIndex: 0, guesses: {} };
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (!raw) return fallback;
    const data = JSON.parse(raw) as Partial<Saved>;
    const lesson = typeof data.lessonId === 'string' ? lessonById(data.lessonId) : undefined;
    if (!lesson) return fallback;
    const stepIndex = Number.isInteger(data.stepIndex) ? Math.min(Math.max(0, data.stepIndex as number), lesson.steps.length - 1) : 0;
    const guesses: Record<string, number> = {};
    for (const [key, value] of Object.entries(data.guesses ?? {})) if (Number.isInteger(value)) guesses[key] = value;
    return { lessonId: lesson.id, stepIndex, guesses };
  } catch {
    // Storage blocked or a value from elsewhere: start at the beginning, nothing to lose.
    return fallback;
  }
}

function save(s: Saved): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(s));
  } catch {
    // Private mode or quota: the lesson still works for this visit.
  }
}

export const createLearnSlice: StateCreator<AppState, [], [], LearnSlice> = (set, get) => {
  const persist = () => {
    const { lessonId, stepIndex, guesses } = get();
    save({ lessonId, stepIndex, guesses });
  };
  return {
    ...load(),
    lessonDock: false,

    openLesson(id) {
      if (get().lessonId !== id) set({ lessonId: id, stepIndex: 0 });
      persist();
    },

    goToStep(index) {
      const lesson = lessonById(get().lessonId);
      if (!lesson) return;
      set({ stepIndex: Math.min(Math.max(0, index), lesson.steps.length - 1) });
      persist();
    },

    guess(key, option) {
      set({ guesses: { ...get().guesses, [key]: option } });
      persist();
    },

    setUpStep() {
      const lesson = lessonById(get().lessonId);
      const step = lesson?.steps[get().stepIndex];
      if (!step) return;
      // The link opens the step's view with its settings, as a shared link would.
      get().applyLink(`#${step.experiment.link}`);
      set({ lessonDock: true });
    },

    closeLessonDock: () => set({ lessonDock: false }),
  };
};
