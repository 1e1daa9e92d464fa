// Shown when the controls no longer ask for the run whose rounds are kept: the charts draw none of
// that run's figures (they belong to other settings), and one button brings its settings back.
import { useAppStore } from '../../../store';
import { describeRequest } from '../lotteryRequest';
import { selectLotteryRunFits } from '../shown';

export function OtherRunNotice() {
  const request = useAppStore((s) => (s.lotteryRounds.length > 0 && !selectLotteryRunFits(s) ? s.lotteryRunRequest : null));
  const show = useAppStore((s) => s.showLastLotteryRun);
  if (!request) return null;
  return (
    <div className="lottery-other-run" role="status">
      <p>
        These settings have not been run yet: press <strong>Find lottery ticket</strong> to measure them. The rounds of the last run are kept, with
        its settings ({describeRequest(request)}).
      </p>
      <button type="button" className="btn" onClick={show}>
        Show the last run again
      </button>
    </div>
  );
}
