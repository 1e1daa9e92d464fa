// DATA & MODEL: which examples to learn from and which network learns them.
import { DATASET_IDS, DATASETS } from '../../../engine/datasets/registry';
import { INITIALIZER, MODEL_IDS, MODELS } from '../../../engine/models/registry';
import { selectSpec, useAppStore } from '../../../store';
import { SectionTitle } from '../../../shared/ui/SectionTitle';
import { SelectField } from '../../../shared/ui/Field';
import { HiddenLayersField } from '../HiddenLayersField';
import { ClassroomHide } from '../../../shared/ui/ClassroomHide';

const DATASET_OPTIONS = DATASET_IDS.map((id) => ({ value: id, label: DATASETS[id].label }));

export function DataModelSection({ locked }: { locked: boolean }) {
  const spec = useAppStore(selectSpec);
  const setDataset = useAppStore((s) => s.setDataset);
  const setModel = useAppStore((s) => s.setModel);

  const kind = DATASETS[spec.dataset].kind;
  const modelOptions = MODEL_IDS.filter((id) => MODELS[id].datasets === kind).map((id) => ({
    value: id,
    label: MODELS[id].label,
  }));

  return (
    <section className="panel-section" aria-labelledby="data-model-title">
      <SectionTitle id="data-model-title" title="Data & model" locked={locked} />
      <ClassroomHide control="dataset">
        <SelectField
          label="Dataset"
          value={spec.dataset}
          options={DATASET_OPTIONS}
          onChange={setDataset}
          disabled={locked}
          hint={DATASETS[spec.dataset].description}
        />
      </ClassroomHide>
      <ClassroomHide control="model">
        <SelectField
          label="Model"
          value={spec.model}
          options={modelOptions}
          onChange={setModel}
          disabled={locked}
          hint={MODELS[spec.model].description}
        />
      </ClassroomHide>
      <ClassroomHide control="hidden">
        <HiddenLayersField model={spec.model} hidden={spec.hidden} disabled={locked} />
      </ClassroomHide>
      <p className="panel-note">
        <strong>Initializer: {INITIALIZER.name}.</strong> {INITIALIZER.detail}
      </p>
    </section>
  );
}
