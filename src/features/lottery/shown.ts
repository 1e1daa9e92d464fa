// The store rule for the Lottery view: the rounds on screen belong to the run request they were
// measured with. While the controls ask for another experiment (a changed setting, a link, a
// lesson step), the charts show none of them and the view says so, offering the run's settings
// back; they are not lost.
import type { LotteryRoundMessage } from '../../worker/lottery-protocol';
import { lotteryRequest, sameRequest } from './lotteryRequest';
import type { LotteryHost } from './lotteryRun';

const NO_ROUNDS: LotteryRoundMessage[] = [];

type Lab = Pick<LotteryHost, 'lotteryRunRequest' | 'lotteryUi' | 'lotteryRounds' | 'spec'>;

/** True when the kept rounds were measured with exactly what the controls show now. */
export function selectLotteryRunFits(s: Lab): boolean {
  return s.lotteryRunRequest === null || sameRequest(s.lotteryRunRequest, lotteryRequest(s.lotteryUi, s.spec.seed));
}

/** The rounds the charts may draw: the run's, while the controls still ask for that run. */
export function selectShownRounds(s: Lab): LotteryRoundMessage[] {
  return selectLotteryRunFits(s) ? s.lotteryRounds : NO_ROUNDS;
}
