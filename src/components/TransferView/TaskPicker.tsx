// The "Transfer task" radio group (native radios: arrow keys move between them, the group is
// named by its legend) and, under the results, what the measured numbers say about that task.
import { TRANSFER_TASK_IDS, TRANSFER_TASK_INFO, type TransferTaskId } from '../../engine/transfer/tasks';
import { useAppStore } from '../../store';
import type { TransferResult } from '../../worker/transfer-protocol';

const HINTS: Record<TransferTaskId, string> = {
  digits: 'Both sides are handwritten digits: the strokes learned on 0-4 make up 5-9 too.',
  fashion: 'Strokes learned on handwriting, reused for photos of clothes and shoes: a harder jump. Downloads part of Fashion-MNIST (about 9 MB) the first time.',
};

export function TaskPicker() {
  const task = useAppStore((s) => s.transferTask);
  const running = useAppStore((s) => s.transferRunning);
  const setTask = useAppStore((s) => s.setTransferTask);
  return (
    <fieldset className="transfer-view__tasks" disabled={running}>
      <legend className="field__label">Transfer task</legend>
      {TRANSFER_TASK_IDS.map((id) => (
        <label key={id} className="transfer-view__task-option">
          <input type="radio" name="transfer-task" value={id} checked={task === id} onChange={() => setTask(id)} aria-describedby={`transfer-task-${id}-hint`} />
          <span>
            {TRANSFER_TASK_INFO[id].label}
            <small id={`transfer-task-${id}-hint`} className="field__hint">
              {HINTS[id]}
            </small>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

const pct = (r: TransferResult) => `${(r.accuracy * 100).toFixed(1)}%`;
const points = (a: TransferResult, b: TransferResult) => {
  const d = (a.accuracy - b.accuracy) * 100;
  return `${Math.abs(d).toFixed(1)} points ${d >= 0 ? 'above' : 'below'}`;
};

/** One sentence per measured number of labels: frozen and fine-tuned against scratch, on screen. */
function measuredSentences(results: TransferResult[]): string[] {
  const counts = [...new Set(results.map((r) => r.labeled))].sort((a, b) => a - b);
  return counts.flatMap((n) => {
    const by = (m: TransferResult['method']) => results.find((r) => r.labeled === n && r.method === m);
    const [scratch, frozen, finetune] = [by('scratch'), by('frozen'), by('finetune')];
    if (!scratch || !frozen || !finetune) return [];
    return [
      `${n.toLocaleString('en-US')} labels: from scratch ${pct(scratch)}, frozen extractor ${pct(frozen)} (${points(frozen, scratch)} scratch), ` +
        `full fine-tuning ${pct(finetune)} (${points(finetune, scratch)}).`,
    ];
  });
}

// Measured in Node with this page's settings (src/worker/transfer-session.ts), seeds 0-2; the
// browser gives the same figures for the same seed.
const WHAT_TRANSFERS: Record<TransferTaskId, string> = {
  digits:
    'Digits 5-9 are drawn with the same pen strokes as 0-4, so the pretrained convolutions fit them: with this page\'s settings (Node, seeds 0-2) the ' +
    'frozen extractor was ahead of scratch on every seed, by 0.5-6.0 points at 10 labels (mean 2.8) and 0.9-3.6 at 100 (mean 2.5), for a twentieth ' +
    'of the compute; at 1,000 labels the methods tie (within 0.6 points).',
  fashion:
    'Clothes are textures and filled shapes, not pen strokes, and MNIST\'s convolutions help them less, though by little more than seeds vary. With ' +
    'this page\'s settings (Node, seeds 0-2) the frozen extractor was 4.6 points behind scratch at 10 labels on one seed and 3.4-3.5 ahead on the ' +
    'others (mean 0.8, against 2.8 on digits 5-9), 0.5-2.9 ahead at 100 labels (mean 1.5, against 2.5), and behind on two seeds at 1,000 (mean −1.4, ' +
    'against a tie), where frozen digit features cap what a new head can learn. Full fine-tuning averaged 0.3-2.0 points above scratch. What carries ' +
    'over every time is cheapness: the new head trains with about a twentieth of the compute.',
};

export function TaskExplanation() {
  const task = useAppStore((s) => s.transferTask);
  const results = useAppStore((s) => s.transferResults);
  const measured = measuredSentences(results);
  return (
    <section className="transfer-view__explain" aria-label="What transfers">
      <h3>What transfers: {TRANSFER_TASK_INFO[task].label}</h3>
      <p>{WHAT_TRANSFERS[task]}</p>
      {measured.length > 0 ? (
        <>
          <p>This run, on the {results[0].testCount.toLocaleString('en-US')} test images of {TRANSFER_TASK_INFO[task].target}:</p>
          <ul>
            {measured.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
