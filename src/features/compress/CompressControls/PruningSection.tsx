// PRUNING: how much to remove, how to choose it, and which layers may lose weights.
import { PRUNING_METHOD_IDS, PRUNING_METHODS } from '../../../engine/pruning/registry';
import type { PruningMethodId } from '../../../engine/pruning/registry';
import { useAppStore } from '../../../store';
import { formatSparsity, positionOfSparsity, sparsityAtPosition, SPARSITY_POSITIONS, type CompressUi } from '../../../url/compressControls';
import { CheckboxField } from '../../../shared/ui/Field/CheckboxField';
import { SelectField } from '../../../shared/ui/Field';
import { RangeField } from '../../../shared/ui/RangeField';
import { SectionTitle } from '../../../shared/ui/SectionTitle';
import { ClassroomHide } from '../../../shared/ui/ClassroomHide';

const METHOD_OPTIONS = PRUNING_METHOD_IDS.map((id) => ({ value: id, label: PRUNING_METHODS[id].label }));

/** Page Up / Page Down stops: the values a class compares. */
const STOPS = [0, 0.5, 0.8, 0.9, 0.95, 0.99, 0.999].map(positionOfSparsity);

const MARKS = [0, 0.5, 0.9, 0.99, 0.999].map((s) => ({
  position: positionOfSparsity(s),
  label: s === 0 ? '0' : String(Number((s * 100).toFixed(1))),
}));

/** What the slider's value means for these controls (it is not always the model's sparsity:
 * "Weights pruned" on the card always is). */
function sparsityHint(ui: CompressUi, ticketSparsity: number): string {
  if (PRUNING_METHODS[ui.method].sparsityOf === 'units') {
    return 'Share of hidden neurons removed, each with every weight in and out of it; "Weights pruned" on the card says how many weights that is.';
  }
  if (ticketSparsity > 0) {
    return `The ticket is already ${formatSparsity(ticketSparsity)} pruned: up to there the slider keeps the ticket's own mask; above it, more is pruned.`;
  }
  if (!ui.includeFirstLayer || !ui.includeOutputLayer) {
    return 'Share of the weights of the layers open to pruning (see below); "Weights pruned" on the card counts every layer.';
  }
  return 'Share of weights set to zero. The scale stretches the high end: 90%, 99%, 99.9%.';
}

export function PruningSection() {
  const ui = useAppStore((s) => s.compressUi);
  const setUi = useAppStore((s) => s.setCompressUi);
  const ticketSparsity = useAppStore((s) => (s.baseline?.reference === 'ticket' ? s.baseline.sparsity : 0));
  const unit = PRUNING_METHODS[ui.method].sparsityOf === 'units' ? 'neurons' : 'weights';

  return (
    <section className="panel-section" aria-labelledby="pruning-title">
      <SectionTitle id="pruning-title" title="Pruning" locked={false} />
      <ClassroomHide control="sparsity">
        <RangeField
          label="Sparsity"
          min={0}
          max={SPARSITY_POSITIONS}
          position={positionOfSparsity(ui.sparsity)}
          onChange={(p) => setUi({ sparsity: sparsityAtPosition(p) })}
          valueText={`${formatSparsity(ui.sparsity)} of ${unit} pruned`}
          display={formatSparsity(ui.sparsity)}
          marks={MARKS}
          markUnit="%"
          stops={STOPS}
          hint={sparsityHint(ui, ticketSparsity)}
        />
      </ClassroomHide>
      <ClassroomHide control="prune">
        <SelectField<PruningMethodId>
          label="Pruning method"
          value={ui.method}
          options={METHOD_OPTIONS}
          onChange={(method) => setUi({ method })}
          hint={PRUNING_METHODS[ui.method].description}
        />
      </ClassroomHide>
      <ClassroomHide control="prune_layers">
        <div className="compress-checks" role="group" aria-label="Layers open to pruning">
          <CheckboxField
            label="Prune first layer"
            checked={ui.includeFirstLayer}
            onChange={(includeFirstLayer) => setUi({ includeFirstLayer })}
          />
          <CheckboxField
            label="Prune output layer"
            checked={ui.includeOutputLayer}
            onChange={(includeOutputLayer) => setUi({ includeOutputLayer })}
          />
        </div>
      </ClassroomHide>
      <p className="panel-note">
        <strong>Biases are never pruned;</strong> the sliders keep them float32 (an auto-compressed model stores them as float16 or
        float32, as its search chose), and they are counted in the size.
      </p>
    </section>
  );
}
