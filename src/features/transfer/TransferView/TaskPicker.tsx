// The "Transfer task" radio group (native radios: arrow keys move between them, the group is
// named by its legend) and, under the results, what the measured numbers say about that task.
import { TRANSFER_TASK_IDS, TRANSFER_TASK_INFO, type TransferTaskId } from '../../../engine/transfer/tasks';
import { useAppStore } from '../../../store';
import { selectShownTransferResults } from '../shown';
import type { TransferResult } from '../../../worker/transfer-protocol';
import { FULL_PRETRAINING_HINT, MORE_SOURCE_DATA, studyText, WHAT_SURVIVES_PRUNING, WHAT_TRANSFERS } from './studyText';

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

/** One sentence per measured number of labels: frozen and fine-tuned against scratch, on screen;
 * and when the extractor was also pruned, a second one: each method pruned against dense. */
function measuredSentences(results: TransferResult[]): string[] {
  const counts = [...new Set(results.map((r) => r.labeled))].sort((a, b) => a - b);
  return counts.flatMap((n) => {
    const by = (m: TransferResult['method'], pruned = false) => results.find((r) => r.labeled === n && r.method === m && (r.extractorSparsity > 0) === pruned);
    const [scratch, frozen, finetune] = [by('scratch'), by('frozen'), by('finetune')];
    if (!scratch || !frozen || !finetune) return [];
    const dense =
      `${n.toLocaleString('en-US')} labels: from scratch ${pct(scratch)}, frozen extractor ${pct(frozen)} (${points(frozen, scratch)} scratch), ` +
      `full fine-tuning ${pct(finetune)} (${points(finetune, scratch)}).`;
    const [prunedFrozen, prunedFinetune] = [by('frozen', true), by('finetune', true)];
    if (!prunedFrozen || !prunedFinetune) return [dense];
    return [
      dense,
      `${n.toLocaleString('en-US')} labels, extractor ${Math.round(prunedFrozen.extractorSparsity * 100)}% pruned: frozen ${pct(prunedFrozen)} ` +
        `(${points(prunedFrozen, frozen)} the dense extractor, ${points(prunedFrozen, scratch)} scratch), full fine-tuning ${pct(prunedFinetune)} (${points(prunedFinetune, finetune)} dense).`,
    ];
  });
}

export function TaskExplanation() {
  const task = useAppStore((s) => s.transferTask);
  const results = useAppStore(selectShownTransferResults);
  const pretraining = useAppStore((s) => s.transferPretraining);
  const measured = measuredSentences(results);
  const more = MORE_SOURCE_DATA[task];
  return (
    <section className="transfer-view__explain" aria-label="What transfers">
      <h3>What transfers: {TRANSFER_TASK_INFO[task].label}</h3>
      <p>{studyText(WHAT_TRANSFERS[task])}</p>
      {more ? (
        <p>
          {studyText(more)}
          {pretraining === 'quick' ? studyText(FULL_PRETRAINING_HINT) : null}
        </p>
      ) : null}
      {results.some((r) => r.extractorSparsity > 0) ? <p>{studyText(WHAT_SURVIVES_PRUNING[task])}</p> : null}
      {measured.length > 0 ? (
        <>
          <p>
            This run, with the {pretraining} pretraining, on the {results[0].testCount.toLocaleString('en-US')} test images of {TRANSFER_TASK_INFO[task].target}:
          </p>
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
