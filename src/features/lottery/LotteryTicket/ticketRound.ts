// Which retrained ticket "Compress this ticket" offers first.
import type { LotteryRoundMessage } from '../../../worker/lottery-protocol';

/** The round "Ticket of round" starts on: the one the headline figure quotes (the ticket's
 * latest round) when its weights are kept, else the latest kept one. */
export function defaultTicketRound(kept: readonly LotteryRoundMessage[], headline: number | null): number | null {
  if (kept.length === 0) return null;
  return kept.some((m) => m.result.round === headline) ? headline : kept.at(-1)!.result.round;
}
