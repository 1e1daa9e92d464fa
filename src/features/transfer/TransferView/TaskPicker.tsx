// The "Transfer task" radio group (native radios: arrow keys move between them, the group is
// named by its legend) and, under the results, what the measured numbers say about that task.
import { TRANSFER_TASK_IDS, TRANSFER_TASK_INFO, type TransferTaskId } from '../../../engine/transfer/tasks';
import { useAppStore } from '../../../store';
import { selectShownTransferResults } from '../shown';
import type { TransferResult } from '../../../worker/transfer-protocol';

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

// Measured with npm run reproduce -- transfer (this page's quick pretraining, Node, seeds 0-4,
// reports/transfer.json); the browser gives the same figures for the same seed.
const WHAT_TRANSFERS: Record<TransferTaskId, string> = {
  digits:
    'Digits 5-9 are drawn with the same pen strokes as 0-4, so the pretrained convolutions fit them: with the quick pretraining (Node, seeds 0-4) the ' +
    'frozen extractor was ahead of scratch on every seed, by 0.5-6.9 points at 10 labels (mean 3.4) and 0.9-4.6 at 100 (mean 2.9), for a twentieth ' +
    'of the compute; at 1,000 labels the methods tie (within 0.5 points).',
  fashion:
    'Clothes are textures and filled shapes, not pen strokes, and MNIST\'s convolutions help them less than the seeds vary. With the quick ' +
    'pretraining (Node, seeds 0-4) the frozen extractor was behind scratch at 10 labels on three seeds of five (mean −1.1, against +3.4 on digits ' +
    '5-9), 0.9 points ahead at 100 labels on average (−0.9 to +2.9, against +2.9), and behind at 1,000 on four seeds (mean −2.0, against a tie), ' +
    'where frozen digit features cap what a new head can learn. Full fine-tuning stayed within about a point of scratch. What carries over every ' +
    'time is cheapness: the new head trains with about a twentieth of the compute.',
};

// Measured with npm run reproduce -- transfer, seeds 0-4: the page's quick pretraining
// (reports/transfer.json) and the full one (--source-images 60000, reports/transfer-full.json). The
// frozen - scratch gap per seed, full: 10 labels -0.2 +5.7 +10.4 +1.0 +7.5; 100 labels +7.2 +3.3
// +4.4 +4.3 +7.0. Quick: 10 labels mean +3.4 (worst +0.5); 100 labels mean +2.9 (worst +0.9). On
// Fashion-MNIST more digits moved the gap less than seeds vary it (100 labels: mean +1.6 full, +0.9
// quick; 10 labels -1.7 and -1.1), so no sentence is claimed there.
const MORE_SOURCE_DATA: Partial<Record<TransferTaskId, string>> = {
  digits:
    'More source data makes features that transfer better: pretrained on all 28,076 training images of digits 0-4 instead of the first 6,000 ' +
    '(Node, seeds 0-4), the frozen extractor was 5.2 points above scratch at 100 labels on average (worst seed +3.3) instead of 2.9 (worst +0.9), ' +
    'and 4.9 at 10 labels instead of 3.4, though there seeds vary most: on seed 0, the page\'s default, it was 0.2 points behind.',
};

// Measured with npm run reproduce -- transfer --extractor-sparsity 90,95,98 (quick pretraining,
// Node, seeds 0-4, reports/transfer.json), the extractor pruned to stops of the "Extractor
// sparsity" slider (pruneExtractor.ts); shown once a run has pruned it.
const WHAT_SURVIVES_PRUNING: Record<TransferTaskId, string> = {
  digits:
    'With the extractor pruned (quick pretraining; Node, seeds 0-4, 100 labels): at 90% (340 of 3,400 convolution weights left) the frozen extractor still gave 88.3-91.3% against ' +
    '90.1-92.3% dense and 86.6-89.8% from scratch, while the pruned network kept only 75-97% on digits 0-4 with its old head. At 95% that old head scored 41-65%, yet a new head on ' +
    'the same convolutions reached 84.9-88.7% on 5-9: the strokes survive, the old head no longer reads them. At 98% transfer breaks (63.6-73.8% frozen, 68.0-79.7% fine-tuned).',
  fashion:
    'With the extractor pruned (quick pretraining; Node, seeds 0-4, 100 labels): at 90% the frozen extractor gave 64.8-70.1% on clothes against 64.8-69.3% dense, though the ' +
    'pruned network kept only 47-79% on the digits with its old head. At 95% it is near chance on digits on most seeds (14-56%), yet a new head on it still reached ' +
    '58.3-66.3% on clothes; at 98%, 48.5-59.8% frozen and 58.4-62.1% fine-tuned, against 61.9-68.4% from scratch.',
};

export function TaskExplanation() {
  const task = useAppStore((s) => s.transferTask);
  const results = useAppStore(selectShownTransferResults);
  const pretraining = useAppStore((s) => s.transferPretraining);
  const measured = measuredSentences(results);
  return (
    <section className="transfer-view__explain" aria-label="What transfers">
      <h3>What transfers: {TRANSFER_TASK_INFO[task].label}</h3>
      <p>{WHAT_TRANSFERS[task]}</p>
      {MORE_SOURCE_DATA[task] ? (
        <p>
          {MORE_SOURCE_DATA[task]}
          {pretraining === 'quick' ? ' Choose Full pretraining to see it, for about five times the pretraining time.' : null}
        </p>
      ) : null}
      {results.some((r) => r.extractorSparsity > 0) ? <p>{WHAT_SURVIVES_PRUNING[task]}</p> : null}
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
