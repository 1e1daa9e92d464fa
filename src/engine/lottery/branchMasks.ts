// Which masks each variant's rounds use, kept in the run's state. Every chain prunes from its
// own previous round, except the controls: random reinit borrows the ticket's masks outright,
// and random pruning draws masks with the ticket's per-layer counts. Masks are stored as they
// are made, so a restored run reuses them instead of pruning again.
import type { Mask } from '../pruning/mask';
import { deriveSeed } from '../random';
import { magnitudeMasks, randomMasksLike } from './roundMasks';
import type { LotteryState } from './snapshot';
import { VARIANTS, type VariantId } from './variants';

/** The list (index round - 1) that holds a variant's masks; random reinit shares the ticket's. */
export function maskChain(state: LotteryState, variant: VariantId): Mask[][] {
  const owner = variant === 'random_reinit' ? 'rewind_init' : variant;
  return (state.masks[owner] ??= []);
}

/** The masks of `round` for `variant`, made now unless the state already holds them. Needs the
 * trunk, this variant's previous round and (for the controls) the ticket's round `round`. */
export function masksForRound(state: LotteryState, round: number, variant: VariantId): Mask[] {
  const chain = maskChain(state, variant);
  if (chain[round - 1]) return chain[round - 1];
  const name = VARIANTS[variant].name;
  if (chain.length !== round - 1) throw new Error(`The masks of "${name}" skip from round ${chain.length} to ${round}.`);
  if (variant === 'random_reinit') throw new Error('Random reinit ran before the ticket of its round was pruned.');
  if (!state.trunk) throw new Error('The dense trunk has not been trained yet.');
  const previous = chain[round - 2] ?? null;
  let masks: Mask[];
  if (variant === 'random_prune') {
    const ticket = maskChain(state, 'rewind_init')[round - 1];
    if (!ticket) throw new Error('Random pruning ran before the ticket of its round was pruned.');
    masks = randomMasksLike(ticket, previous, deriveSeed(state.spec.seed, `lottery/random-prune/round-${round}`));
  } else {
    const { perRoundRate, scope } = state.settings;
    // The weights the variant ended its previous round with: magnitude after training decides.
    const trained = state.finals[variant] ?? state.trunk.final;
    masks = magnitudeMasks(trained, previous, perRoundRate, round, scope);
  }
  chain.push(masks);
  return masks;
}
