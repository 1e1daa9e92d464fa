// The final choice of a search, kept up to date as candidates arrive: the smallest polish result
// that qualifies on the held-out half; else the smallest candidate that does; else the accepted
// one with the smallest held-out drop + standard error; else (nothing was within the budget even
// on the search half) the most accurate one that broke it. What a round or polish cut short by
// the time budget added is rolled back, so the choice is the one a rerun that stops there makes.
import type { Mask } from '../pruning/mask';
import type { WeightArray } from '../spec/types';
import type { Measurement } from './measure';
import type { AutoCompressCandidate, ChoiceRule } from './types';

/** A candidate with what the page needs to adopt it. */
export interface Kept {
  candidate: AutoCompressCandidate;
  measurement: Measurement;
  floatWeights: WeightArray[];
  masks: Mask[];
}

interface Found {
  kept: Kept | null;
  closest: Kept | null;
  widest: Kept | null;
}

const margin = (c: AutoCompressCandidate) => c.heldOut!.dropPoints + c.heldOut!.standardErrorPoints;

export class ChoiceKeeper {
  private found: Found = { kept: null, closest: null, widest: null };
  private finished: Found = { ...this.found };
  /** A polish's results are few and fully trained, so the one-standard-error rule is not asked
   * to pick among dozens of near-equal candidates (the more are tried, the likelier one passes
   * by luck): they are looked at first. */
  private polished: Kept[] = [];

  /** A step a bit search accepted (it has a held-out figure when within the budget). */
  accepted(k: Kept): void {
    const f = this.found;
    if (k.candidate.heldOut?.qualifies && (!f.kept || k.measurement.bytes < f.kept.measurement.bytes)) f.kept = k;
    if (k.candidate.heldOut && (!f.closest || margin(k.candidate) < margin(f.closest.candidate))) f.closest = k;
  }

  /** The widest choice of a bit search that found nothing within the budget. */
  brokeBudget(k: Kept): void {
    if (!this.found.widest || k.measurement.accuracy > this.found.widest.measurement.accuracy) this.found.widest = k;
  }

  /** The result of a polish's bit search, once it has finished. */
  polishResult(k: Kept): void {
    this.polished.push(k);
  }

  /** A round or polish finished: what it added stays. */
  commit(): void {
    this.finished = { ...this.found };
  }

  /** The time budget cut the round or polish under way short: what it added goes (unless
   * nothing had finished yet, in the reference's own bit search: then it keeps what it has). */
  rollBack(): void {
    const f = this.finished;
    if (f.kept ?? f.closest ?? f.widest) this.found = { ...f };
  }

  choose(): { chosen: Kept; rule: ChoiceRule } {
    const polished = this.polished.filter((k) => k.candidate.heldOut?.qualifies).sort((a, b) => a.measurement.bytes - b.measurement.bytes)[0];
    const f = this.found;
    const chosen = polished ?? f.kept ?? f.closest ?? f.widest;
    if (!chosen) throw new Error('The search measured no candidate.');
    return { chosen, rule: polished ? 'polished' : f.kept ? 'held-out' : f.closest ? 'closest' : 'none-within-budget' };
  }
}
