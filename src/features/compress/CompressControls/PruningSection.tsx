// PRUNING: how much to remove, how to choose it, and which layers may lose weights.
import { PRUNING_METHOD_IDS, PRUNING_METHODS } from '../../../engine/pruning/registry';
import type { PruningMethodId } from '../../../engine/pruning/registry';
import { useAppStore } from '../../../store';
import { formatSparsity, positionOfSparsity, sparsityAtPosition, SPARSITY_POSITIONS } from '../../../url/compressControls';
import { CheckboxField } from '../../../shared/ui/Field/CheckboxField';
import { SelectField } from '../../../shared/ui/Field';
import { RangeField } from '../../../shared/ui/RangeField';
import { SectionTitle } from '../../../shared/ui/SectionTitle';
import { ClassroomHide } from '../../../shared/ui/ClassroomHide';

const METHOD_OPTIONS = PRUNING_METHOD_IDS.map((id) => ({ value: id, label: PRUNING_METHODS[id].label }));

const MARKS = [0, 0.5, 0.9, 0.99, 0.999].map((s) => ({
  position: positionOfSparsity(s),
  label: s === 0 ? '0' : String(Number((s * 100).toFixed(1))),
}));

export function PruningSection() {
  const ui = useAppStore((s) => s.compressUi);
  const setUi = useAppStore((s) => s.setCompressUi);
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
          hint={`Share of ${unit} set to zero. The scale stretches the high end: 90%, 99%, 99.9%.`}
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
        <strong>Biases are never pruned;</strong> they stay float32 and are counted in the size.
      </p>
    </section>
  );
}
