// The left zone: settings in the order a person uses them (what to learn, then how).
import { selectControlsLocked, useAppStore } from '../../../store';
import { DataModelSection } from '../DataModelSection';
import { TrainingSection } from '../TrainingSection';
import './ControlPanel.css';

export function ControlPanel() {
  const locked = useAppStore(selectControlsLocked);
  // Replacing the spec wholesale (new dataset or model) remounts the inputs so no stale
  // half-typed text or error survives the switch.
  const formVersion = useAppStore((s) => s.formVersion);

  return (
    <div className="control-panel" key={formVersion}>
      <DataModelSection locked={locked} />
      <TrainingSection locked={locked} />
    </div>
  );
}
