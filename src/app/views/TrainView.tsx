// The Train view: settings | live curves | result, with the compute backend under the result.
import { BackendCard } from '../../features/train/BackendCard';
import { ChartsPanel } from '../../features/train/ChartsPanel';
import { ControlPanel } from '../../features/train/ControlPanel';
import { isToyDataset, TrainBoundaryPanel } from '../../features/boundary/DecisionBoundary/panels';
import { ResultCard } from '../../features/train/ResultCard';
import { useAppStore } from '../../store';

export function TrainView() {
  const toy = useAppStore((s) => isToyDataset(s.spec.dataset) || isToyDataset(s.runSpec?.dataset));
  return (
    <main className="workspace" id="view-train" role="tabpanel" aria-labelledby="tab-train">
      <aside className="zone zone--controls" aria-label="Settings">
        <ControlPanel />
      </aside>
      <section className="zone zone--chart" aria-label="Training curves">
        <ChartsPanel />
        {toy ? <TrainBoundaryPanel /> : null}
      </section>
      <aside className="zone zone--result" aria-label="Result">
        <ResultCard />
      </aside>
      <aside className="zone zone--compute" aria-label="Compute backend">
        <BackendCard />
      </aside>
    </main>
  );
}
