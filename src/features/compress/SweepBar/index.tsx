// "Sweep": measures a grid of sparsity x bit width with the other controls as set (and random
// pruning as the control for magnitude methods), one point at a time, so the chart fills as it
// goes. A slider moved meanwhile goes first.
import { useAppStore } from '../../../store';
import { SWEEP_BITS, SWEEP_SPARSITIES, sweepHasControl } from '../sweep';
import '../../../shared/ui/progress.css';
import '../../../shared/ui/run-bar.css';
import './SweepBar.css';

const GRID = `${SWEEP_SPARSITIES.map((s) => s * 100).join(', ')}% pruned × ${SWEEP_BITS.join(', ')} bits`;

export function SweepBar() {
  const sweep = useAppStore((s) => s.sweep);
  const ready = useAppStore((s) => s.baselineStatus === 'ready');
  const count = useAppStore((s) => s.points.length);
  const control = useAppStore((s) => sweepHasControl(s.compressUi));
  const { startSweep, cancelSweep } = useAppStore.getState();
  const running = sweep?.running ?? false;
  const fraction = sweep && sweep.total > 0 ? sweep.done / sweep.total : 0;

  const total = SWEEP_SPARSITIES.length * SWEEP_BITS.length + (control ? SWEEP_SPARSITIES.length - 1 : 0);
  let text = `Measure ${total} settings in one go: ${GRID}${control ? ', plus random pruning as the control' : ''}.`;
  if (running && sweep) text = `Sweeping: ${sweep.done} of ${sweep.total} settings measured…`;
  else if (sweep?.stopped) text = sweep.stopped;
  else if (sweep) text = `Sweep done: ${sweep.total} settings measured, ${count} points on the chart.`;

  return (
    <div className="sweep-bar">
      {running ? (
        <button type="button" className="btn" onClick={cancelSweep}>
          Cancel
        </button>
      ) : (
        <button type="button" className="btn btn--primary" onClick={() => void startSweep()} disabled={!ready} title={GRID}>
          <svg className="run-bar__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M2 13h12v1.5H2zM3 11l3-4 3 2 4-6 1.2.9-4.9 7.3-3-2L4.2 12z" />
          </svg>
          Sweep
        </button>
      )}
      <div className={`progress sweep-bar__progress${running ? '' : ' progress--done'}`}>
        {sweep ? (
          <div
            className="progress__track"
            role="progressbar"
            aria-label="Sweep progress"
            aria-valuemin={0}
            aria-valuemax={sweep.total}
            aria-valuenow={sweep.done}
            aria-valuetext={`${sweep.done} of ${sweep.total} settings`}
          >
            <div className="progress__fill" style={{ transform: `scaleX(${fraction})` }} />
          </div>
        ) : null}
        <div className="progress__text" role="status">
          <span>{text}</span>
        </div>
      </div>
    </div>
  );
}
