// Which model the compression lab works on: the latest trained one once its run has stopped (or
// a lottery ticket handed over), taken over once. Requests for the same model that overlap (a
// double-click on "Download trained model") share one adoption: each used to build its own
// evaluation network, and the first one's tensors leaked.
import type { Trainer } from '../engine/training/trainer';
import type { CompressionLab } from './compression-lab';
import { trainFirst } from './lab-model';
import type { BaselineInfo } from './compression-protocol';
import type { TrainingSession } from './training-session';

interface Sources {
  lab: CompressionLab;
  session: TrainingSession;
  /** True while the lab holds a lottery ticket handed over since this trainer ran. */
  ticketHeld(trainer: unknown): boolean;
}

export function labAdoption({ lab, session, ticketHeld }: Sources) {
  let adopted: Trainer | null = null;
  let adopting: { trainer: Trainer; done: Promise<void> } | null = null;

  /** The baseline of the model the lab works on, adopting it first; null when there is none. */
  async function baseline(): Promise<BaselineInfo | null> {
    if (ticketHeld(session.activeTrainer) && lab.hasModel) return lab.baseline;
    const trainer = session.activeTrainer;
    const stopped = session.runState === 'done' || session.runState === 'cancelled';
    if (!trainer || !stopped || trainer.step === 0) return null;
    // A clear (Reset, a backend switch, a ticket) empties the lab: then it is adopted again.
    if (adopted === trainer && lab.hasModel) return lab.baseline;
    if (adopting?.trainer !== trainer) {
      const done: Promise<void> = lab
        .adopt(trainer.spec, trainer.data, trainer.network.getWeights())
        .then((measured) => {
          if (measured) adopted = trainer;
        })
        .finally(() => {
          if (adopting?.done === done) adopting = null;
        });
      adopting = { trainer, done };
    }
    await adopting.done;
    return lab.baseline;
  }

  return {
    baseline,
    /** The lab holding the trained model, or the one sentence that says to train first. */
    async trainedLab(toDo: string): Promise<CompressionLab> {
      if (!(await baseline())) throw new Error(trainFirst(toDo));
      return lab;
    },
  };
}
