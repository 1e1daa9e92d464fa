// The lottery controls (as the share link holds them) <-> what the worker is asked to run, and
// the sentences the page shows about a run saved in this browser.
import type { LotteryRequest, SavedLotteries, SavedLotteryInfo } from '../../worker/lottery-protocol';
import { VARIANT_IDS } from '../../engine/lottery/variants';
import { LOTTERY_BATCH_SIZE, LOTTERY_RECIPES } from '../../engine/lottery/recipes';
import { defaultRewindStep, roundSteps } from '../../engine/lottery/roundLength';
import { DEFAULT_LOTTERY_CONTROLS, PAPER_LOTTERY, QUICK_LOTTERY, REWINDING_LOTTERY, sameLotteryControls, type LotteryControls } from '../../url/lotteryFields';

export type LotteryPresetId = 'quick' | 'paper' | 'rewinding' | 'custom';

/** Each preset says which comparison it is for: under a constant rate (the two Adam presets) LR
 * rewinding and fine-tuning are the same run, so only the step-decay preset compares the four
 * retraining variants. */
export const LOTTERY_PRESETS: Record<Exclude<LotteryPresetId, 'custom'>, { label: string; controls: LotteryControls; detail: string }> = {
  quick: {
    label: 'Quick demo',
    controls: QUICK_LOTTERY,
    detail: 'The ticket against its two controls: 5 rounds of 50% on 20,000 images, Adam at a constant rate.',
  },
  paper: {
    label: 'Paper (Frankle & Carbin)',
    controls: PAPER_LOTTERY,
    detail: 'The ticket against its two controls as the paper runs it: 15 rounds of 20% on all 55,000 images, down to 3.6% of the weights.',
  },
  rewinding: {
    label: 'Rewinding vs fine-tuning (step decay)',
    controls: REWINDING_LOTTERY,
    detail:
      'The four retraining variants (Renda, Frankle & Carbin 2020) under SGD with a step-decay schedule, where LR rewinding and fine-tuning differ: 5 rounds of 50% on 20,000 images.',
  },
};

export function presetOf(ui: LotteryControls): LotteryPresetId {
  for (const [id, preset] of Object.entries(LOTTERY_PRESETS)) if (sameLotteryControls(preset.controls, ui)) return id as LotteryPresetId;
  return 'custom';
}

/** A round's length in iterations and the k "auto" stands for, as the engine will resolve them. */
export function roundOf(ui: LotteryControls): { steps: number; autoK: number } {
  const steps = roundSteps(ui.epochsPerRound, Math.floor((ui.trainLimit ?? 55_000) / LOTTERY_BATCH_SIZE));
  return { steps, autoK: defaultRewindStep(steps) };
}

/** What the controls say about k and about which comparison these settings can show. */
export function rewindNotes(ui: LotteryControls): { k: string; comparison: string | null } {
  const { steps, autoK } = roundOf(ui);
  const k = ui.rewindK ?? autoK;
  const kText =
    k >= steps
      ? `k must be below the round's ${steps.toLocaleString('en-US')} iterations.`
      : `“Rewind to iteration k” rewinds the weights to iteration ${k.toLocaleString('en-US')}; it, “LR rewinding” and “Fine-tuning” retrain iterations ${k.toLocaleString('en-US')} to ${steps.toLocaleString('en-US')}. k starts at 1: at 0, rewinding to k would be rewinding to init.`;
  const both = ui.variants.includes('lr_rewind') && ui.variants.includes('finetune');
  const constant = LOTTERY_RECIPES[ui.recipe].decaysPerRound === 0;
  return {
    k: kText,
    comparison:
      both && constant
        ? 'With a constant learning rate, LR rewinding and fine-tuning are the same run (the final rate is the rate). Choose the step-decay training, or the “Rewinding vs fine-tuning” preset, to tell them apart.'
        : null,
  };
}

export function lotteryRequest(ui: LotteryControls, seed: number): LotteryRequest {
  const request: LotteryRequest = {
    seed,
    recipe: ui.recipe,
    settings: {
      rounds: ui.rounds,
      perRoundRate: { hidden: ui.rateHidden, output: ui.rateOutput },
      scope: ui.scope,
      epochsPerRound: ui.epochsPerRound,
      variants: VARIANT_IDS.filter((v) => ui.variants.includes(v)),
      ...(ui.rewindK !== null ? { rewindStep: ui.rewindK } : {}),
    },
  };
  if (ui.trainLimit !== null) request.trainLimit = ui.trainLimit;
  return request;
}

/** The controls that ask for `request` again (a saved run's settings). */
export function controlsOf(request: LotteryRequest): LotteryControls {
  const s = request.settings;
  return {
    rounds: s.rounds ?? DEFAULT_LOTTERY_CONTROLS.rounds,
    rateHidden: s.perRoundRate?.hidden ?? DEFAULT_LOTTERY_CONTROLS.rateHidden,
    rateOutput: s.perRoundRate?.output ?? DEFAULT_LOTTERY_CONTROLS.rateOutput,
    scope: s.scope ?? DEFAULT_LOTTERY_CONTROLS.scope,
    epochsPerRound: s.epochsPerRound ?? DEFAULT_LOTTERY_CONTROLS.epochsPerRound,
    rewindK: s.rewindStep ?? null,
    variants: s.variants ? [...s.variants] : [...DEFAULT_LOTTERY_CONTROLS.variants],
    trainLimit: request.trainLimit ?? null,
    recipe: request.recipe ?? DEFAULT_LOTTERY_CONTROLS.recipe,
  };
}

/** Equal when both ask the worker for the same run (key order is fixed by lotteryRequest). */
export function sameRequest(a: LotteryRequest, b: LotteryRequest): boolean {
  return JSON.stringify(lotteryRequest(controlsOf(a), a.seed)) === JSON.stringify(lotteryRequest(controlsOf(b), b.seed));
}

export function describeRequest(r: LotteryRequest): string {
  const c = controlsOf(r);
  const images = c.trainLimit === null ? 'all 55,000 images' : `${c.trainLimit.toLocaleString('en-US')} images`;
  const training = c.recipe === DEFAULT_LOTTERY_CONTROLS.recipe ? '' : `, ${LOTTERY_RECIPES[c.recipe].label}`;
  return `${c.rounds} rounds of ${Math.round(c.rateHidden * 100)}%, ${c.epochsPerRound} epoch${c.epochsPerRound === 1 ? '' : 's'} a round on ${images}${training}, seed ${r.seed}`;
}

/**
 * The saved run the page speaks of, of all those kept in this browser (by any tab): one with the
 * controls' settings (this tab's own first, else the newest), else this tab's own, else the
 * newest; or why none can be read. Null when nothing is saved.
 */
export function offeredRun(saved: SavedLotteries | null, current: LotteryRequest, ownId: string | null): SavedLotteryInfo | null {
  if (!saved) return null;
  if (saved.status === 'unavailable') return saved;
  const matching = saved.runs.filter((r) => r.status === 'resumable' && sameRequest(r.request, current));
  return matching.find((r) => r.id === ownId) ?? matching[0] ?? saved.runs.find((r) => r.id === ownId) ?? saved.runs[0] ?? null;
}

/** "at 2:05 PM" today, "on Dec 3 at 2:05 PM" before; empty for a time that is not one. */
export function savedWhen(savedAt: number, now = Date.now()): string {
  if (!Number.isFinite(savedAt) || savedAt <= 0 || savedAt > 8.64e15) return '';
  const at = new Date(savedAt);
  const time = at.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' });
  return at.toDateString() === new Date(now).toDateString() ? `at ${time}` : `on ${at.toLocaleDateString('en-US', { month: 'short', day: 'numeric' })} at ${time}`;
}

/** What the page says about a saved run (which run: its settings, seed and when it was saved),
 * and whether "Resume lottery run" may be offered. */
export function savedRunNotice(
  info: SavedLotteryInfo | null,
  current: LotteryRequest,
  ownId: string | null = null,
  now = Date.now(),
): { text: string; canResume: boolean; otherSettings: boolean } | null {
  if (!info || info.status === 'none') return null;
  if (info.status !== 'resumable') return { text: `${info.reason}`, canResume: false, otherSettings: false };
  const done = info.unitsDone >= info.unitCount;
  const progress = done ? 'finished' : `${Math.round(info.fraction * 100)}% done`;
  const when = savedWhen(info.savedAt, now);
  const saved = `saved ${info.id === ownId ? 'by this tab' : 'in this browser'}${when ? ` ${when}` : ''}`;
  if (!sameRequest(info.request, current)) {
    return {
      text: `A lottery run ${saved} (${progress}) used other settings (${describeRequest(info.request)}), so it cannot be resumed with these. Load its settings to resume it, or start a new run.`,
      canResume: false,
      otherSettings: true,
    };
  }
  const which = `(${describeRequest(info.request)}), ${saved},`;
  return {
    text: done
      ? `The finished lottery run with these settings ${which} is kept: resume it to see its results again.`
      : `A lottery run with these settings ${which} was interrupted at ${progress}. Resume it from its last finished round.`,
    canResume: true,
    otherSettings: false,
  };
}
