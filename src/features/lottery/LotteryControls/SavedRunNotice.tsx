// On load: a run saved in this browser is offered for resuming (one with these settings, this
// tab's own first; the notice names its settings, seed and time), or the page says plainly why it
// cannot be (another version, other settings, no storage).
import { useAppStore } from '../../../store';
import { isLotteryBusy, selectOfferedRun } from '../lotterySlice';
import { lotteryRequest, savedRunNotice } from '../lotteryRequest';

export function SavedRunNotice() {
  const saved = useAppStore(selectOfferedRun);
  const ui = useAppStore((s) => s.lotteryUi);
  const seed = useAppStore((s) => s.spec.seed);
  const ownId = useAppStore((s) => s.lotteryOwnRunId);
  const busy = useAppStore(isLotteryBusy);
  const hasRounds = useAppStore((s) => s.lotteryRounds.length > 0);
  const { resumeLottery, discardSavedLottery, useSavedLotterySettings } = useAppStore.getState();
  const notice = savedRunNotice(saved, lotteryRequest(ui, seed), ownId);
  if (!notice || busy) return null;
  // Right after a run on this page, the saved copy is the run on screen: no need to offer it.
  if (hasRounds && notice.canResume) return null;
  return (
    <div className="lottery-saved" role="status">
      <p>{notice.text}</p>
      <div className="lottery-saved__actions">
        {notice.canResume ? (
          <button type="button" className="btn btn--primary" onClick={() => void resumeLottery()}>
            Resume lottery run
          </button>
        ) : null}
        {notice.otherSettings ? (
          <button type="button" className="btn" onClick={useSavedLotterySettings}>
            Load its settings
          </button>
        ) : null}
        {saved?.status === 'resumable' || saved?.status === 'incompatible' ? (
          <button type="button" className="btn" onClick={() => void discardSavedLottery()}>
            Discard saved run
          </button>
        ) : null}
      </div>
    </div>
  );
}
