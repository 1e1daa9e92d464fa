// The "Pretraining" radio group: pretrain on the first 6,000 source images (quick) or on every one
// (full, several times longer). Native radios, as in TaskPicker: arrow keys move between them and
// the legend names the group. The hints give the images and the rough time for the current task.
import { PRETRAIN_PASSES, PRETRAINING_IDS, PRETRAINING_INFO, type PretrainingId } from '../../../engine/transfer/pretraining';
import { pretrainImages, SOURCE_TRAIN_IMAGES } from '../../../engine/transfer/sourceImages';
import { TRANSFER_TASK_INFO, type TransferTaskId } from '../../../engine/transfer/tasks';
import { useAppStore } from '../../../store';
import type { TransferPretrainInfo } from '../../../worker/transfer-protocol';

const PASSES = ['no pass', 'one pass', 'two passes', 'three passes', 'four passes', 'five passes'];
const fmt = (n: number) => n.toLocaleString('en-US');
const sourceOf = (task: TransferTaskId) => TRANSFER_TASK_INFO[task].source.replace(/^MNIST /, '');

// Measured in Chromium on a 2-core machine (e2e/transfer.spec.ts, e2e/transfer-pretrain.spec.ts):
// three passes over 6,000 images take 9-14 s; over digits 0-4's 28,076, 33 s alone and 42-53 s
// with other work running; over all 55,000 digits 60 s alone.
// A no-break space keeps each unit on the line of its number.
const ROUGH_TIME: Record<TransferTaskId, Record<PretrainingId, string>> = {
  digits: { quick: 'about 10\u00a0s', full: 'under a minute' },
  fashion: { quick: 'about 10\u00a0s', full: 'about 1\u00a0min' },
};

function hint(task: TransferTaskId, id: PretrainingId): string {
  const images = pretrainImages(task, id);
  const all = SOURCE_TRAIN_IMAGES[task];
  const which = images < all ? `${fmt(images)} of the ${fmt(all)} training images of ${sourceOf(task)}` : `All ${fmt(all)} training images of ${sourceOf(task)}`;
  return `${which}, ${PASSES[PRETRAIN_PASSES] ?? `${PRETRAIN_PASSES} passes`}: ${ROUGH_TIME[task][id]}.`;
}

export function PretrainingPicker() {
  const task = useAppStore((s) => s.transferTask);
  const pretraining = useAppStore((s) => s.transferPretraining);
  const running = useAppStore((s) => s.transferRunning);
  const setPretraining = useAppStore((s) => s.setTransferPretraining);
  return (
    <fieldset className="transfer-view__tasks" disabled={running}>
      <legend className="field__label">Pretraining</legend>
      {PRETRAINING_IDS.map((id) => (
        <label key={id} className="transfer-view__task-option">
          <input
            type="radio"
            name="transfer-pretraining"
            value={id}
            checked={pretraining === id}
            onChange={() => setPretraining(id)}
            aria-describedby={`transfer-pretraining-${id}-hint`}
          />
          <span>
            {PRETRAINING_INFO[id].label}
            <small id={`transfer-pretraining-${id}-hint`} className="field__hint">
              {hint(task, id)}
            </small>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** "That is every training image of digits 0-4 (full pretraining)." for the status line, from
 * the pretraining the worker reports it actually did. */
export function pretrainedScope(info: TransferPretrainInfo): string {
  const task = info.taskId;
  const all = SOURCE_TRAIN_IMAGES[task];
  return info.sourceTrainImages >= all
    ? `That is every training image of ${sourceOf(task)} (${info.pretraining} pretraining).`
    : `That is the first ${fmt(info.sourceTrainImages)} of the ${fmt(all)} training images of ${sourceOf(task)} (${info.pretraining} pretraining).`;
}
