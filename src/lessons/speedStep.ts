// Issue 17 item 6: does pruning make the network faster? The figures are the on-device study's
// (reports/ondevice.json, src/claims/ondevice.ts); the step opens the Speed and energy card.
import type { LessonStep } from './lessons';

export const speedStep: LessonStep = {
  id: 'faster',
  title: 'Does pruning make it faster?',
  text:
    'A pruned weight is a zero, and a dense matrix product multiplies zeros as fast as anything else: the time falls only if a kernel skips them. Our kernel reads the compressed file itself, one kept weight and its position at a time. The Speed and energy card times it against the dense model.',
  experiment: { link: 'view=compress&sparsity=0.9&bits=4', action: 'Press Measure speed, then try it again at 50% and at 99% sparsity.' },
  prediction: {
    prompt: 'At 90% sparsity and 4 bits, one image at a time, our kernel on the compressed model runs, compared with dense float32 through tfjs…',
    options: ['no faster', 'less than twice as fast', 'several times faster'],
    answer: 2,
    explanation:
      'Several times faster in our run: {=ondevice.s90.batch1}× for one image and {=ondevice.s90.batch100}× for a batch of a hundred, with {=ondevice.s90.keptMacs} of {=ondevice.denseMacs} multiply-adds left. At 50% it was only {=ondevice.s50.batch1}×: each kept weight costs an index read as well, so half the work is not half the time. Elsen et al. (2019) report 1.3-2.4× at 90% on phone CPUs. Convolutions gain less, because the dense path already reuses every weight at every position: LeNet-5 at 90% ran {=ondevice.lenet5.s90.batch1}× faster one image at a time and {=ondevice.lenet5.s90.batch100}× in batches. Your own machine’s figures are in the card.',
  },
};
