// The retraining variants and controls of the lottery lab, one line each. The display names are
// the chart's series names and the reproduction script's JSON `variant` field; the UI tests look
// for them verbatim, so they must not drift.

export type VariantId = 'rewind_init' | 'rewind_k' | 'lr_rewind' | 'finetune' | 'random_reinit' | 'random_prune';

export interface VariantInfo {
  id: VariantId;
  /** Series name on the charts. */
  name: string;
  /** Controls branch off the ticket (rewind_init) of the same round rather than off their own chain. */
  control: boolean;
  /** Two plain sentences for the page. */
  description: string;
  /** Where it comes from. */
  paper: string;
}

const LTH = 'Frankle & Carbin, "The Lottery Ticket Hypothesis", ICLR 2019';
const LMC = 'Frankle, Dziugaite, Roy & Carbin, "Linear Mode Connectivity and the Lottery Ticket Hypothesis", ICML 2020';
const RENDA = 'Renda, Frankle & Carbin, "Comparing Rewinding and Fine-tuning in Neural Network Pruning", ICLR 2020';

export const VARIANTS: Record<VariantId, VariantInfo> = {
  rewind_init: {
    id: 'rewind_init',
    name: 'Rewind to init',
    control: false,
    description:
      'After each round the smallest weights are removed and the survivors are reset to the values they had before training. ' +
      'If this sparse network still trains to full accuracy, it is a winning lottery ticket.',
    paper: LTH,
  },
  rewind_k: {
    id: 'rewind_k',
    name: 'Rewind to iteration k',
    control: false,
    description:
      'Like rewinding to init, but the survivors go back to their values a few iterations into training instead of before it. ' +
      'Deeper networks only yield tickets this way; for this small network it should match rewinding to init.',
    paper: LMC,
  },
  lr_rewind: {
    id: 'lr_rewind',
    name: 'LR rewinding',
    control: false,
    description:
      'The survivors keep their trained values, and only the learning-rate schedule is replayed from iteration k. ' +
      'Renda et al. found it as simple as fine-tuning and as accurate as weight rewinding; it differs from fine-tuning only when the learning rate decays.',
    paper: RENDA,
  },
  finetune: {
    id: 'finetune',
    name: 'Fine-tuning',
    control: false,
    description:
      'The survivors keep their trained values and train on at the last learning rate of the original schedule, for as many steps as the rewinding variants. ' +
      'It is the classic way to recover from pruning; with a constant learning rate it is the same run as LR rewinding.',
    paper: RENDA,
  },
  random_reinit: {
    id: 'random_reinit',
    name: 'Random reinit',
    control: true,
    description:
      'The same surviving connections as the ticket, but with fresh random starting values. ' +
      'If it trains worse than the ticket, the original starting values mattered, not just the wiring.',
    paper: LTH,
  },
  random_prune: {
    id: 'random_prune',
    name: 'Random pruning',
    control: true,
    description:
      'As many connections per layer as the ticket keeps, but picked at random, then rewound to init. ' +
      'If it trains worse than the ticket, choosing the weights by magnitude carried information.',
    paper: LTH,
  },
};

/** The order rounds run in: the ticket first, because both controls are cut from its masks. */
export const VARIANT_IDS: VariantId[] = ['rewind_init', 'rewind_k', 'lr_rewind', 'finetune', 'random_reinit', 'random_prune'];

/** Series name of the dense trunk, the reference line of every chart. */
export const DENSE_NAME = 'Dense';

export function isVariantId(value: string): value is VariantId {
  return Object.prototype.hasOwnProperty.call(VARIANTS, value);
}

/** Steps a variant retrains per round out of a trunk of `stepsPerRound`: weight rewinding to k and
 * LR rewinding resume at step k, and fine-tuning gets the same budget t = T - k, as Renda et al.
 * compare them. */
export function retrainSteps(id: VariantId, stepsPerRound: number, rewindStep: number): number {
  return id === 'rewind_k' || id === 'lr_rewind' || id === 'finetune' ? stepsPerRound - rewindStep : stepsPerRound;
}
