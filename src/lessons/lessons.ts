// The guided lessons: each step sets up an experiment through a share link, asks the learner to
// predict what will happen, then sends them to see it. The answers name what the published work
// found and what this playground measured; the learner's own run is the truth. Every measured
// number is a figure from a report, {=id} (src/claims: filled in when the lesson is shown), so
// the text follows the reports; claims.test.ts refuses any other number that is not a setting or
// a published result, and checks each answer against the reports.
import { speedStep } from './speedStep';

export interface Prediction {
  prompt: string;
  options: readonly string[];
  /** Index into options of the answer the research (and our reproductions) support. */
  answer: number;
  /** Shown once the learner has committed to a guess; may mark glossary terms. */
  explanation: string;
}

export interface LessonStep {
  id: string;
  title: string;
  /** What to notice, with glossary marks ({id} or {id|words}). */
  text: string;
  /** The share-link state this step sets up (a hash without '#'), and what to do there. */
  experiment: { link: string; action: string };
  prediction: Prediction;
}

export interface Lesson {
  id: 'pruning' | 'quantization' | 'lottery' | 'transfer';
  title: string;
  summary: string;
  steps: readonly LessonStep[];
}

const pruning: Lesson = {
  id: 'pruning',
  title: 'Pruning',
  summary: 'How many weights does a network need? Remove the smallest and watch accuracy.',
  steps: [
    {
      id: 'baseline',
      title: 'Train a baseline',
      text: 'Before a network can be made small it has to learn. LeNet-300-100 reads a 28×28 digit through two hidden layers of 300 and 100 units: {=compression.params} weights and biases. This trained network is the {dense} every later point is compared with.',
      experiment: { link: 'view=train', action: 'Press Train and wait for the two epochs to finish.' },
      prediction: {
        prompt: 'How many of its weights do you think the network needs to stay within a point of its accuracy?',
        options: ['All of them', 'About half', 'About one in ten'],
        answer: 2,
        explanation: 'Han et al. (Deep Compression, 2015) kept 8% of LeNet-300-100’s weights with no loss after retraining. Most weights end up small and carry little of the answer.',
      },
    },
    {
      id: 'half',
      title: 'Remove half of the weights',
      text: '{magnitude|Magnitude pruning} zeroes the weights with the smallest absolute values. The chart puts each try at its {encoded} against its test accuracy; the dashed line is the dense model.',
      experiment: { link: 'view=compress&sparsity=0.5', action: 'Look at Test accuracy, then move Sparsity yourself.' },
      prediction: {
        prompt: 'With 50% {sparsity} and no retraining, test accuracy will…',
        options: ['fall by several points', 'barely move', 'rise by a point'],
        answer: 1,
        explanation: 'Half of the weights go and accuracy barely moves: the smallest weights add little to any neuron’s input. Note the first figure is an {estimate} on a sample of the test images; the full test set follows.',
      },
    },
    {
      id: 'cliff',
      title: 'Find the cliff',
      text: 'Push further. At some sparsity the weights left cannot carry the task, and accuracy falls quickly. Each point you try stays on the chart; the {pareto} links the best ones.',
      experiment: { link: 'view=compress&sparsity=0.97', action: 'Compare 90%, 95% and 97% with the arrow keys on Sparsity.' },
      prediction: {
        prompt: 'At 97% sparsity without retraining (3 weights in 100 left), accuracy will…',
        options: ['stay within a point of dense', 'fall clearly below dense', 'drop to chance, 10%'],
        answer: 1,
        explanation:
          'In our reproduction the loss without retraining passed {=compression.cliffPoints} points at {=compression.cliff}% sparsity and grew fast after it; how fast depends on your training run. Pruning is a trade with a cliff, not a free lunch.',
      },
    },
    {
      id: 'retrain',
      title: 'Retraining moves the cliff',
      text: '{finetune|Fine-tuning} trains the pruned network again with its {mask} held, so pruned weights stay zero while the survivors adapt.',
      experiment: { link: 'view=compress&sparsity=0.95', action: 'Press Fine-tune (one epoch) and watch the new point on the chart.' },
      prediction: {
        prompt: 'After one epoch of fine-tuning at 95% sparsity, accuracy will…',
        options: ['recover most of what pruning lost', 'stay where it was', 'get worse: fewer weights to train'],
        answer: 0,
        explanation: 'Retraining recovers most of the loss: our reproduction reached {=compression.ft90}% at 90% sparsity after two epochs, {=compression.ft90.vsDense} the {=compression.dense}% dense model. Iterating prune-and-retrain moves the cliff further right.',
      },
    },
    {
      id: 'scope',
      title: 'One threshold or one per layer?',
      text: '{global|Global pruning} uses one threshold for the whole network; {layerwise|layer-wise pruning} takes the same share from every layer. The per-layer table shows where the weights went.',
      experiment: { link: 'view=compress&prune=layerwise_magnitude&sparsity=0.95', action: 'Note Test accuracy, then set Pruning method to global magnitude.' },
      prediction: {
        prompt: 'At 95% sparsity, which keeps more accuracy?',
        options: ['Layer-wise', 'Global', 'They are the same'],
        answer: 1,
        explanation: 'Global pruning usually wins: the first layer (784×300) is the most redundant, since many pixels at the border are always blank, while the small output layer needs most of its weights. Layer-wise pruning cuts them all alike.',
      },
    },
    speedStep,
  ],
};

const quantization: Lesson = {
  id: 'quantization',
  title: 'Quantization',
  summary: 'Fewer bits per weight: how far can rounding go?',
  steps: [
    {
      id: 'eight',
      title: 'From 32 bits to 8',
      text: 'A trained weight is a 32-bit float. {quantization|Quantization} rounds it to one of a few levels and stores only the level’s number. The {bitwidth} sets how many levels there are.',
      experiment: { link: 'view=compress&bits=8', action: 'Read Model size and Compression ratio.' },
      prediction: {
        prompt: 'Going from 32 to 8 bits per weight, the file shrinks by about…',
        options: ['2×', '4×', '8×'],
        answer: 1,
        explanation:
          '32 / 8 = 4 for the stored levels alone. The file does a little better: {entropy} gives the common levels, those near zero, shorter codes. In our reproduction per-tensor scales made it {=compression.q8.tensor.ratio}× smaller ({=compression.q8.tensor.bits} bits per weight, float32 biases and scales included); per-channel scales spread each neuron’s weights over more of the 256 levels, leaving less to compress: {=compression.q8.channel.ratio}×. Accuracy barely changes: 256 levels are plenty for these weights.',
      },
    },
    {
      id: 'two',
      title: 'How low can you go?',
      text: 'Each bit fewer halves the number of levels. Watch the chart as Bit width goes down one step at a time.',
      experiment: { link: 'view=compress&bits=2', action: 'Try 4, 3 and 2 bits with the arrow keys on Bit width.' },
      prediction: {
        prompt: 'Without retraining, at which bit width does accuracy clearly fall?',
        options: ['Already at 6 bits', 'Around 2-3 bits', 'Never, even 1 bit is fine'],
        answer: 1,
        explanation: 'Four bits (16 levels) cost almost nothing; at 2-3 bits rounding errors add up. {qat|Quantization-aware training} (Fine-tune at 4 bits or fewer) wins much of it back.',
      },
    },
    {
      id: 'channel',
      title: 'One scale per neuron',
      text: 'With {pertensor|per-tensor} scales one large weight stretches the levels for a whole layer. {perchannel|Per-channel} scales fit each output neuron separately, at the cost of a few more bytes.',
      experiment: { link: 'view=compress&bits=3&granularity=tensor', action: 'Note Test accuracy, then set Granularity to Per output channel.' },
      prediction: {
        prompt: 'At 3 bits, per-channel scales compared with per-tensor…',
        options: ['lose accuracy', 'keep more accuracy', 'make no difference'],
        answer: 1,
        explanation: 'Per-channel keeps more accuracy: each neuron’s levels match its own range instead of the widest one in the layer.',
      },
    },
    {
      id: 'both',
      title: 'Prune and quantize together',
      text: 'Deep Compression stacks both: prune, then quantize the survivors, store where they are as gaps, and apply {entropy}. The bytes saved are real only with such a sparse encoding.',
      experiment: { link: 'view=compress&sparsity=0.9&bits=4', action: 'Read the Compression ratio; Fine-tune to win back the accuracy.' },
      prediction: {
        prompt: 'At 90% sparsity and 4 bits, the {ratio} is about…',
        options: ['10×', '40×', '1,000×'],
        answer: 1,
        explanation: 'About 40×: our reproduction measured {=compression.ft90q4.ratio}× at {=compression.ft90q4}% after fine-tuning, and Deep Compression reported 40× for this network. Positions cost bits too, so 10% of weights at 4 bits is not 80×.',
      },
    },
  ],
};

const lottery: Lesson = {
  id: 'lottery',
  title: 'Lottery tickets',
  summary: 'A sparse network trains well only from the right starting weights.',
  steps: [
    {
      id: 'idea',
      title: 'Prune, rewind, repeat',
      text: '{imp|Iterative magnitude pruning}: train, prune 20% of the smallest weights, {rewinding|rewind} the survivors to their initial values, and train again. Each round leaves a sparser {mask}.',
      experiment: { link: 'view=lottery', action: 'Press Find lottery ticket and follow the rounds on the chart.' },
      prediction: {
        prompt: 'Rewound to their initial values, how well do the survivors train at 10% of the weights?',
        options: ['Much worse than dense', 'About as well as dense', 'Not at all'],
        answer: 1,
        explanation: 'About as well: Frankle & Carbin (2019) found such {ticket|winning tickets} at 10-20% of LeNet’s weights. Our run stayed within {=lottery.tolerance} points of dense down to {=lottery.withinDownTo}% of the weights, and was above dense in {=lottery.aboveRounds} of its {=lottery.rounds} rounds.',
      },
    },
    {
      id: 'control',
      title: 'Is it the mask, or the start?',
      text: '{reinit|Random reinitialization} keeps the mask but draws fresh starting weights. Random pruning keeps only how many weights each layer has.',
      experiment: { link: 'view=lottery', action: 'Compare the “Rewind to init” series with “Random reinit” and “Random pruning”.' },
      prediction: {
        prompt: 'At the sparsest round, the same mask with new random starting weights trains…',
        options: ['as well as the ticket', 'clearly worse than the ticket', 'better than the ticket'],
        answer: 1,
        explanation: 'Clearly worse: in our reproduction, at {=lottery.sparsest.percent}% of the weights, {=lottery.sparsest.reinit}% against the ticket’s {=lottery.sparsest.ticket}%. The mask alone is not enough; the ticket is the mask together with its original weights.',
      },
    },
    {
      id: 'lr',
      title: 'Rewind the learning rate instead',
      text: '{lrrewinding|Learning-rate rewinding} keeps the final weights and replays the learning-rate schedule from iteration k; {finetune} keeps them too but trains on at the schedule’s final, smallest rate, for as many steps. Only a decaying schedule tells the two apart, so this experiment trains with SGD and a step decay.',
      experiment: {
        link: 'view=lottery&recipe=sgd_step&variants=rewind_init,rewind_k,lr_rewind,finetune',
        action: 'Press Find lottery ticket, then compare “LR rewinding” and “Fine-tuning” at the sparsest rounds.',
      },
      prediction: {
        prompt: 'Which retraining keeps more accuracy at high sparsity?',
        options: ['Fine-tuning at the final rate', 'Learning-rate rewinding', 'They always tie'],
        answer: 1,
        // The claim about our run is checked against reports/lottery-rewinding.json (rewindingClaim.test.ts).
        explanation:
          'Learning-rate rewinding: Renda, Frankle & Carbin (2020) found it matches weight rewinding and beats fine-tuning at the same training budget, and in our step-decay run it ends above fine-tuning at every pruned round. Under a constant rate (the Adam presets) the two would tie exactly: the final rate is the rate.',
      },
    },
  ],
};

const transfer: Lesson = {
  id: 'transfer',
  title: 'Transfer learning',
  summary: 'Reuse what one task taught a network to learn another from few labels.',
  steps: [
    {
      id: 'few',
      title: 'One hundred labels',
      text: '{transfer|Transfer learning}: a network first learns digits 0-4, then meets digits 5-9 with only a few labelled examples. Its early layers become a {extractor}.',
      experiment: { link: 'view=transfer', action: 'Set Labelled examples to about 100 and run the comparison.' },
      prediction: {
        prompt: 'With 100 labelled examples, a {frozen} pretrained extractor with a new head, against training from scratch…',
        options: ['does worse: wrong digits', 'does clearly better', 'ties'],
        answer: 1,
        explanation:
          'Clearly better: strokes, loops and edges learned on 0-4 also describe 5-9, so the head only has to learn which features mean which digit. Over {=transfer.seeds} seeds with the quick pretraining, the frozen extractor was {=transfer.quick.digits.100.gap} points from scratch on average at 100 labels, ahead on {=transfer.quick.digits.100.ahead} of them.',
      },
    },
    {
      id: 'many',
      title: 'When labels are plenty',
      text: 'Move the slider up to thousands of examples and watch the gap between the methods.',
      experiment: { link: 'view=transfer', action: 'Compare the methods at 5,000 labelled examples.' },
      prediction: {
        prompt: 'With 5,000 labels, the advantage of starting pretrained…',
        options: ['grows', 'shrinks', 'stays the same'],
        answer: 1,
        explanation:
          'It shrinks: with enough labels training from scratch catches up. Over {=transfer.seeds} seeds the frozen extractor’s lead was {=transfer.quick.digits.100.gap} points at 100 labels and {=transfer.quick.digits.1000.gap} at 1,000.',
      },
    },
    {
      id: 'source',
      title: 'More to learn from',
      text: 'The quick pretraining saw 6,000 images of digits 0-4. Full pretraining shows the network all {=transfer.full.digits.images} of them, for about {=transfer.full.digits.timeRatio} times the wait.',
      experiment: { link: 'view=transfer&transfer_pretrain=full', action: 'Run the comparison at 100 labelled examples with Full pretraining.' },
      prediction: {
        prompt: 'With 100 labels, the lead of the {frozen} {extractor} over training from scratch…',
        options: ['grows', 'shrinks', 'stays the same'],
        answer: 0,
        explanation:
          'It grows: features learned from more examples describe new digits better. Over {=transfer.seeds} seeds the mean lead went from {=transfer.quick.digits.100.gap} points (quick) to {=transfer.full.digits.100.gap} (full), though the examples drawn still swing it: {=transfer.full.digits.100.gapRange} per seed.',
      },
    },
    {
      id: 'pruned',
      title: 'A pruned extractor',
      text: 'Compression and transfer meet: prune 90% of the pretrained convolutions before reusing them, and measure what is left on the old task and on the new one.',
      experiment: { link: 'view=transfer&transfer_prune=90', action: 'Run the comparison with Extractor sparsity at 90%.' },
      prediction: {
        prompt: 'With one weight in ten left, the {frozen} {extractor} on digits 5-9…',
        options: ['collapses to chance', 'loses about a point', 'improves'],
        answer: 1,
        explanation:
          'About a point: over {=transfer.seeds} seeds it was {=transfer.pruned90.digits.frozenLoss} points below the dense extractor. The largest weights carry the strokes, so a new head still reads them. The pruned network lost more on its old task ({=transfer.pruned90.digits.sourceLoss} points), because its old head was trained on the dense features.',
      },
    },
  ],
};

export const LESSONS: readonly Lesson[] = [pruning, quantization, lottery, transfer];

export type LessonId = Lesson['id'];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
