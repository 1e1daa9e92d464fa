// The final choice of a search, kept up to date as candidates arrive: a polish result that
// qualifies on the held-out half (by the plan's rule, below); else the smallest candidate that does; else the accepted
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

/** How polish results are chosen among. 'last-step': the smallest qualifying last step of each
 * polish's bit search (what presets made before 'sequence' do, kept so their links rerun the
 * same). 'sequence': the fixed-sequence procedure of multiple testing (Maurer, Hothorn &
 * Lehmacher 1995): candidates are tested on the held-out half in an order fixed before it is
 * read, and the walk stops at the first that fails; each test then keeps its own error rate, and
 * no candidate that passed by luck can be picked out past a failure. The order: first how
 * sparse, then how few bits. The polished masks, the one keeping the most weights first, each by
 * its first step (the mask retrained, at its round's bits), up to the first that fails (or whose
 * polish found nothing within its budget on the search half); then the further bit steps of the
 * last mask that passed, in the order its search took them. The result is the smallest file
 * among those that passed. When the first mask fails, the same walk runs along the rounds'
 * accepted steps in the order the search took them (its path), instead of taking the smallest
 * that qualifies anywhere. */
export type PolishChoice = 'last-step' | 'sequence' | 'final';
// 'final': the same fixed sequence over the masks, each tested once, by the polish's final model
// (its bit search's result, after trained quantization where the plan has it); the smallest that
// passed before the first failure. One test per mask: with a standard error near the budget a
// lossless model passes a test only about half the time, so every extra test in front of the
// small masks is another chance to stop early.

/** One finished polish: how many weights its mask keeps, its bit search's accepted steps, and
 * its final model (null: nothing within its budget on the search half). */
interface PolishGroup {
  keptWeights: number;
  steps: Kept[];
  final?: Kept | null;
}

/** The final models the 'final' walk passes, the mask keeping the most weights first. */
export function finalPasses(groups: PolishGroup[]): Kept[] {
  const passed: Kept[] = [];
  for (const g of [...groups].sort((a, b) => b.keptWeights - a.keptWeights)) {
    if (!g.final?.candidate.heldOut?.qualifies) break;
    passed.push(g.final);
  }
  return passed;
}

/** The candidates the 'sequence' walk passes, in the order it tests them (PolishChoice). */
export function sequencePasses(groups: PolishGroup[]): Kept[] {
  const order = [...groups].sort((a, b) => b.keptWeights - a.keptWeights);
  const passed: Kept[] = [];
  let last: PolishGroup | null = null;
  for (const g of order) {
    if (!g.steps[0]?.candidate.heldOut?.qualifies) break;
    passed.push(g.steps[0]);
    last = g;
  }
  for (const k of last?.steps.slice(1) ?? []) {
    if (!k.candidate.heldOut?.qualifies) break;
    passed.push(k);
  }
  return passed;
}

export class ChoiceKeeper {
  constructor(private readonly polishChoice: PolishChoice = 'last-step') {}

  private found: Found = { kept: null, closest: null, widest: null };
  private finished: Found = { ...this.found };
  /** A polish's results are few and fully trained, so the one-standard-error rule is not asked
   * to pick among dozens of near-equal candidates (the more are tried, the likelier one passes
   * by luck): they are looked at first. */
  private polished: Kept[] = [];
  /** Finished polishes ('sequence'), and the accepted steps of the one under way. */
  private polishGroups: PolishGroup[] = [];
  private pendingSteps: Kept[] = [];
  /** The rounds' accepted steps in the search's order ('sequence'), and how many of them
   * belong to finished rounds. */
  private roundSteps: Kept[] = [];
  private finishedRoundSteps = 0;

  /** A step a bit search accepted (it has a held-out figure when within the budget); `polish`:
   * the bit search of a polish. */
  accepted(k: Kept, polish = false): void {
    if (polish) this.pendingSteps.push(k);
    else this.roundSteps.push(k);
    const f = this.found;
    if (k.candidate.heldOut?.qualifies && (!f.kept || k.measurement.bytes < f.kept.measurement.bytes)) f.kept = k;
    if (k.candidate.heldOut && (!f.closest || margin(k.candidate) < margin(f.closest.candidate))) f.closest = k;
  }

  /** The widest choice of a bit search that found nothing within the budget. */
  brokeBudget(k: Kept): void {
    if (!this.found.widest || k.measurement.accuracy > this.found.widest.measurement.accuracy) this.found.widest = k;
  }

  /** The result of a polish's bit search, once it has finished (null: it found nothing within
   * its budget on the search half), and how many weights its mask keeps. */
  polishResult(k: Kept | null, keptWeights: number): void {
    if (k) this.polished.push(k);
    this.polishGroups.push({ keptWeights, steps: this.pendingSteps, final: k });
    this.pendingSteps = [];
  }

  /** A round or polish finished: what it added stays. */
  commit(): void {
    this.finished = { ...this.found };
    this.finishedRoundSteps = this.roundSteps.length;
  }

  /** The time budget cut the round or polish under way short: what it added goes (unless
   * nothing had finished yet, in the reference's own bit search: then it keeps what it has). */
  rollBack(): void {
    const f = this.finished;
    if (f.kept ?? f.closest ?? f.widest) {
      this.found = { ...f };
      this.roundSteps.length = this.finishedRoundSteps;
    }
    this.pendingSteps = [];
  }

  private polishChosen(): Kept | undefined {
    if (this.polishChoice === 'last-step') {
      return this.polished.filter((k) => k.candidate.heldOut?.qualifies).sort((a, b) => a.measurement.bytes - b.measurement.bytes)[0];
    }
    const passed = this.polishChoice === 'final' ? finalPasses(this.polishGroups) : sequencePasses(this.polishGroups);
    return passed.sort((a, b) => a.measurement.bytes - b.measurement.bytes)[0];
  }

  /** The rounds' fallback: the smallest that qualifies anywhere ('last-step'), or the smallest
   * the walk along the path passes before its first failure ('sequence'). */
  private roundsChosen(): Kept | null {
    if (this.polishChoice === 'last-step') return this.found.kept;
    let chosen: Kept | null = null;
    for (const k of this.roundSteps) {
      if (!k.candidate.heldOut?.qualifies) break;
      if (!chosen || k.measurement.bytes < chosen.measurement.bytes) chosen = k;
    }
    return chosen;
  }

  choose(): { chosen: Kept; rule: ChoiceRule } {
    const polished = this.polishChosen();
    const rounds = polished ? null : this.roundsChosen();
    const f = this.found;
    const chosen = polished ?? rounds ?? f.closest ?? f.widest;
    if (!chosen) throw new Error('The search measured no candidate.');
    return { chosen, rule: polished ? 'polished' : rounds ? 'held-out' : f.closest ? 'closest' : 'none-within-budget' };
  }
}
