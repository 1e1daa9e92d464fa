// Long work shows progress: the bar over the whole run, the round and variant in progress with
// its own share, and the time left (wall clock, evaluation included).
import { useAppStore } from '../../../store';
import { formatSeconds } from '../../../shared/format';
import '../../../shared/ui/progress.css';

export function LotteryProgress() {
  const status = useAppStore((s) => s.lotteryStatus);
  const p = useAppStore((s) => s.lotteryProgress);
  const plan = useAppStore((s) => s.lotteryPlan);
  const data = useAppStore((s) => s.lotteryDataMessage);
  if (status === 'idle' && !p) return null;

  const fraction = p?.fraction ?? 0;
  const percent = Math.round(fraction * 100);
  const rounds = plan?.rounds ?? 0;
  let left: string;
  if (status === 'loading-data') left = data ?? 'Loading MNIST…';
  else if (!p) left = 'Starting…';
  else if (p.phase === 'done') left = `All ${rounds} rounds done`;
  else if (p.phase === 'trunk') left = `Dense network · ${Math.round((100 * p.step) / Math.max(1, p.unitSteps))}% of its training`;
  else left = `Round ${p.round} of ${rounds} · ${p.name} · ${Math.round((100 * p.step) / Math.max(1, p.unitSteps))}%`;

  let right = '';
  if (status === 'running' && p?.secondsLeft != null) right = `${percent}% · ${formatSeconds(p.secondsLeft)} left`;
  else if (status === 'cancelling') right = 'cancelling…';
  else if (status === 'cancelled') right = `cancelled at ${percent}%`;
  else if (status === 'done') right = p ? `finished in ${formatSeconds(p.secondsElapsed)}` : 'finished';

  return (
    <div className={`progress progress--${status === 'running' ? 'running' : 'done'} lottery-progress`}>
      <div
        className="progress__track"
        role="progressbar"
        aria-label="Lottery progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%: ${left}`}
      >
        <div className="progress__fill" style={{ transform: `scaleX(${fraction})` }} />
      </div>
      <div className="progress__text">
        <span className="progress__left" data-testid="lottery-progress-text">{left}</span>
        {right ? <span className="progress__right">{right}</span> : null}
      </div>
    </div>
  );
}
