// What the five-seed study (npm run reproduce -- transfer: reports/transfer.json with the quick
// pretraining and the pruned extractors, reports/transfer-full.json with the full one) says about
// each task, as templates over its figures ({=id}, src/claims/transfer.ts). The sentences follow
// the reports; claims.test.ts checks that every number in them is a figure or an allowed setting.
import { fill } from '../../../claims/fill';
import { transferFigures } from '../../../claims/transfer';
import type { TransferTaskId } from '../../../engine/transfer/tasks';

export const WHAT_TRANSFERS: Record<TransferTaskId, string> = {
  digits:
    'Digits 5-9 are drawn with the same pen strokes as 0-4, so the pretrained convolutions can fit them. With the quick pretraining (Node, {=transfer.seeds} seeds) ' +
    'the frozen extractor’s lead over scratch was {=transfer.quick.digits.10.gap} points on average at 10 labels (per seed {=transfer.quick.digits.10.gapRange}), ' +
    '{=transfer.quick.digits.100.gap} at 100 ({=transfer.quick.digits.100.gapRange}) and {=transfer.quick.digits.1000.gap} at 1,000, for 1/{=transfer.quick.digits.100.computeShare} ' +
    'of the training compute.',
  fashion:
    'Clothes are textures and filled shapes, not pen strokes. With the quick pretraining (Node, {=transfer.seeds} seeds) the frozen extractor’s lead over scratch was ' +
    '{=transfer.quick.fashion.10.gap} points on average at 10 labels (ahead on {=transfer.quick.fashion.10.ahead} seeds), {=transfer.quick.fashion.100.gap} at 100 ' +
    '({=transfer.quick.fashion.100.gapRange} per seed) and {=transfer.quick.fashion.1000.gap} at 1,000, against {=transfer.quick.digits.100.gap} at 100 labels of digits 5-9. ' +
    'What carries over every time is cheapness: the new head trains with 1/{=transfer.quick.fashion.100.computeShare} of the compute.',
};

export const MORE_SOURCE_DATA: Partial<Record<TransferTaskId, string>> = {
  digits:
    'With all {=transfer.full.digits.images} training images of digits 0-4 to pretrain on instead of the first 6,000 (Node, {=transfer.seeds} seeds), the frozen extractor’s lead ' +
    'over scratch at 100 labels was {=transfer.full.digits.100.gap} points on average (worst seed {=transfer.full.digits.100.worstGap}) instead of ' +
    '{=transfer.quick.digits.100.gap} (worst {=transfer.quick.digits.100.worstGap}), and {=transfer.full.digits.10.gap} at 10 labels instead of {=transfer.quick.digits.10.gap}.',
};

/** Said after MORE_SOURCE_DATA while the quick pretraining is chosen (the time is Node's, digits). */
export const FULL_PRETRAINING_HINT = ' Choose Full pretraining to see it, for about {=transfer.full.digits.timeRatio} times the pretraining time.';

// Shown once a run has pruned the extractor.
export const WHAT_SURVIVES_PRUNING: Record<TransferTaskId, string> = {
  digits:
    'With the extractor pruned (quick pretraining; Node, {=transfer.seeds} seeds, 100 labels): at 90% (340 of 3,400 convolution weights left) the frozen extractor gave ' +
    '{=transfer.pruned90.digits.frozenRange}% against {=transfer.quick.digits.100.frozenRange}% dense and {=transfer.quick.digits.100.scratchRange}% from scratch, while the ' +
    'pruned network kept {=transfer.pruned90.digits.sourceRange}% on digits 0-4 with its old head. At 95% that old head scored {=transfer.pruned95.digits.sourceRange}%, ' +
    'while a new head on the same convolutions reached {=transfer.pruned95.digits.frozenRange}% on 5-9. At 98%: {=transfer.pruned98.digits.frozenRange}% frozen, ' +
    '{=transfer.pruned98.digits.finetuneRange}% fine-tuned.',
  fashion:
    'With the extractor pruned (quick pretraining; Node, {=transfer.seeds} seeds, 100 labels): at 90% the frozen extractor gave {=transfer.pruned90.fashion.frozenRange}% on ' +
    'clothes against {=transfer.quick.fashion.100.frozenRange}% dense, while the pruned network kept {=transfer.pruned90.fashion.sourceRange}% on the digits with its old ' +
    'head. At 95% that head scored {=transfer.pruned95.fashion.sourceRange}% on digits, and a new head on it reached {=transfer.pruned95.fashion.frozenRange}% on clothes; ' +
    'at 98%, {=transfer.pruned98.fashion.frozenRange}% frozen and {=transfer.pruned98.fashion.finetuneRange}% fine-tuned, against ' +
    '{=transfer.quick.fashion.100.scratchRange}% from scratch.',
};

const FIGURES = transferFigures();

/** A template above with its figures written in. */
export const studyText = (template: string) => fill(template, FIGURES);
