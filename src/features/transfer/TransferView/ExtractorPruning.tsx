// "Extractor sparsity": prune the pretrained convolutions before they are reused, and what that
// pruning cost on the task they were trained for. Ties the playground's subject (compression) to
// transfer: does a 90%-pruned feature extractor still transfer?
import { EXTRACTOR_SPARSITY_STOPS } from '../../../engine/transfer/extractorSparsity';
import { TRANSFER_TASK_INFO } from '../../../engine/transfer/tasks';
import { useAppStore } from '../../../store';
import { selectTransferFits } from '../shown';
import { RangeField } from '../../../shared/ui/RangeField';
import { Term } from '../../../shared/ui/Term';

const pct = (fraction: number) => `${Math.round(fraction * 100)}%`;
const fmt = (n: number) => n.toLocaleString('en-US');

export function ExtractorSparsityField() {
  const sparsity = useAppStore((s) => s.transferSparsity);
  const running = useAppStore((s) => s.transferRunning);
  const setSparsity = useAppStore((s) => s.setTransferSparsity);
  const stop = EXTRACTOR_SPARSITY_STOPS.findIndex((s) => s === sparsity);
  const position = stop < 0 ? 0 : stop;
  return (
    <RangeField
      label="Extractor sparsity"
      min={0}
      max={EXTRACTOR_SPARSITY_STOPS.length - 1}
      position={position}
      onChange={(p) => setSparsity(EXTRACTOR_SPARSITY_STOPS[p])}
      valueText={sparsity === 0 ? '0%: the dense extractor, nothing pruned' : `${pct(sparsity)} of the pretrained extractor's weights pruned`}
      display={pct(sparsity)}
      marks={EXTRACTOR_SPARSITY_STOPS.map((s, p) => ({ position: p, label: pct(s) }))}
      hint={
        <>
          Before transfer, sets this <Term id="sparsity">sparsity</Term> in each pretrained convolution by removing its smallest weights; the frozen and
          fine-tuned methods then run on both the dense and the pruned extractor.
        </>
      }
      disabled={running}
    />
  );
}

/** "The pruned extractor keeps 340 of 3,400 weights; on digits 0-4 it scores 97.9% (dense: 99.1%)." */
export function PrunedExtractorStatus() {
  const pruned = useAppStore((s) => (selectTransferFits(s) ? s.transferPruned : null));
  const source = TRANSFER_TASK_INFO[useAppStore((s) => s.transferTask)].source;
  if (!pruned) return null;
  const drop = (pruned.denseSourceAccuracy - pruned.sourceAccuracy) * 100;
  return (
    <p className="transfer-view__pruned">
      <strong>Pruned extractor:</strong> keeps {fmt(pruned.kept)} of {fmt(pruned.total)} convolution weights ({pct(pruned.sparsity)} of each convolution removed, biases
      kept). With it, the pretrained network scores {(pruned.sourceAccuracy * 100).toFixed(1)}% on the {fmt(pruned.sourceTestCount)} test images of{' '}
      {source.replace(/^MNIST /, '')} (dense: {(pruned.denseSourceAccuracy * 100).toFixed(1)}%,{' '}
      {Math.abs(drop) < 0.05 ? 'no change' : `${Math.abs(drop).toFixed(1)} points ${drop > 0 ? 'lost' : 'gained'}`}). That score keeps the old head, trained on the dense
      features; the transfer runs below train a new head on the pruned ones, so they may lose less. Their compute counts the pruned weights too: this engine still
      multiplies their zeros.
    </p>
  );
}
