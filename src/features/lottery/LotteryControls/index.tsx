// The Lottery view's left zone: a preset, the pruning schedule, the retraining variants and
// controls, then "Find lottery ticket" with its progress. Settings lock while a run goes.
import { VARIANT_IDS, VARIANTS } from '../../../engine/lottery/variants';
import { useAppStore } from '../../../store';
import { formatSeconds } from '../../../shared/format';
import { isLotteryBusy } from '../lotterySlice';
import { LOTTERY_BATCH_SIZE, LOTTERY_RECIPE_IDS, LOTTERY_RECIPES } from '../../../engine/lottery/recipes';
import { LOTTERY_PRESETS, presetOf, rewindNotes, roundOf, type LotteryPresetId } from '../lotteryRequest';
import { LOTTERY_ROWS, type LotteryControls as Controls } from '../../../url/lotteryFields';
import { inputLimits } from '../../../url/limits';
import { SelectField } from '../../../shared/ui/Field';
import { CheckboxField } from '../../../shared/ui/Field/CheckboxField';
import { SectionTitle } from '../../../shared/ui/SectionTitle';
import { LotteryNumber } from './LotteryNumber';
import { LotteryProgress } from './LotteryProgress';
import { SavedRunNotice } from './SavedRunNotice';
import '../../../shared/ui/run-bar.css';
import { ActionBar } from '../../../shared/ui/ActionBar';
import './LotteryControls.css';

const PRESET_OPTIONS: { value: LotteryPresetId; label: string }[] = [
  { value: 'quick', label: LOTTERY_PRESETS.quick.label },
  { value: 'paper', label: LOTTERY_PRESETS.paper.label },
  { value: 'rewinding', label: LOTTERY_PRESETS.rewinding.label },
  { value: 'custom', label: 'Custom' },
];

const IMAGES = [5_000, 10_000, 20_000, 55_000];

/** Samples per second of training here on wasm, evaluation included (measured, rounded down). */
const SAMPLES_PER_SECOND = 7_000;

function estimateSeconds(ui: Controls): number {
  const wanted = new Set(ui.variants);
  if (wanted.has('random_reinit') || wanted.has('random_prune')) wanted.add('rewind_init');
  const units = 1 + ui.rounds * wanted.size;
  return (units * ui.epochsPerRound * (ui.trainLimit ?? 55_000)) / SAMPLES_PER_SECOND;
}

export function LotteryControls() {
  const ui = useAppStore((s) => s.lotteryUi);
  const seed = useAppStore((s) => s.spec.seed);
  const busy = useAppStore(isLotteryBusy);
  const status = useAppStore((s) => s.lotteryStatus);
  const error = useAppStore((s) => s.lotteryError);
  const saveNote = useAppStore((s) => s.lotterySaveNote);
  const { setLotteryUi, applyLotteryPreset, startLottery, cancelLottery } = useAppStore.getState();
  const preset = presetOf(ui);
  const images = ui.trainLimit ?? 55_000;
  const imageOptions = [...new Set([...IMAGES, images])].sort((a, b) => a - b);
  const round = roundOf(ui);
  const notes = rewindNotes(ui);

  const toggleVariant = (id: (typeof VARIANT_IDS)[number], on: boolean) => {
    const next = on ? [...ui.variants, id] : ui.variants.filter((v) => v !== id);
    if (next.length > 0) setLotteryUi({ variants: VARIANT_IDS.filter((v) => next.includes(v)) });
  };

  return (
    <div className="control-panel lottery-controls">
      <ActionBar label="Run the lottery">
        {busy ? (
          <button type="button" className="btn" onClick={() => void cancelLottery()} disabled={status === 'cancelling'}>
            Cancel
          </button>
        ) : (
          <button type="button" className="btn btn--primary" onClick={() => void startLottery()}>
            Find lottery ticket
          </button>
        )}
        <p className="lottery-controls__estimate">
          LeNet-300-100 on MNIST, {LOTTERY_RECIPES[ui.recipe].label}, batch {LOTTERY_BATCH_SIZE}, seed {seed}. About {formatSeconds(estimateSeconds(ui))} here.
        </p>
      </ActionBar>
      <SavedRunNotice />
      <fieldset className="lottery-controls__set" disabled={busy} aria-label="Lottery settings">
        <SectionTitle id="lottery-schedule" title="Pruning schedule" locked={busy} />
        <SelectField
          label="Preset"
          value={preset}
          options={PRESET_OPTIONS}
          onChange={(id) => id !== 'custom' && applyLotteryPreset(id)}
          hint={preset === 'custom' ? 'Your own settings.' : LOTTERY_PRESETS[preset].detail}
        />
        <LotteryNumber label="Rounds" value={ui.rounds} {...inputLimits(LOTTERY_ROWS.rounds.limits)} onCommit={(n) => setLotteryUi({ rounds: n! })} />
        <LotteryNumber
          label="Pruned per round, hidden layers (%)"
          value={Math.round(ui.rateHidden * 1000) / 10}
          {...inputLimits(LOTTERY_ROWS.rateHidden.limits)}
          onCommit={(n) => setLotteryUi({ rateHidden: n! / 100 })}
        />
        <LotteryNumber
          label="Pruned per round, output layer (%)"
          value={Math.round(ui.rateOutput * 1000) / 10}
          {...inputLimits(LOTTERY_ROWS.rateOutput.limits)}
          onCommit={(n) => setLotteryUi({ rateOutput: n! / 100 })}
          hint="The paper prunes the small output layer half as fast."
        />
        <SelectField
          label="Scope"
          value={ui.scope}
          options={[
            { value: 'layerwise', label: 'Layer-wise' },
            { value: 'global', label: 'Global' },
          ]}
          onChange={(scope) => setLotteryUi({ scope })}
          hint={ui.scope === 'layerwise' ? 'Each layer loses its own share of weights each round.' : 'One magnitude threshold across the hidden layers: big layers may lose more.'}
        />
        <LotteryNumber
          label="Epochs per round"
          value={ui.epochsPerRound}
          {...inputLimits(LOTTERY_ROWS.epochsPerRound.limits)}
          onCommit={(n) => setLotteryUi({ epochsPerRound: n! })}
        />
        <SelectField
          label="Training images"
          value={String(images)}
          options={imageOptions.map((n) => ({ value: String(n), label: n >= 55_000 ? 'All 55,000' : n.toLocaleString('en-US') }))}
          onChange={(v) => setLotteryUi({ trainLimit: Number(v) >= 55_000 ? null : Number(v) })}
        />
        <SelectField
          label="Training"
          value={ui.recipe}
          options={LOTTERY_RECIPE_IDS.map((id) => ({ value: id, label: LOTTERY_RECIPES[id].label }))}
          onChange={(recipe) => setLotteryUi({ recipe })}
          hint={LOTTERY_RECIPES[ui.recipe].source}
        />
        <LotteryNumber
          label="Rewind iteration k"
          value={ui.rewindK}
          {...inputLimits(LOTTERY_ROWS.rewindK.limits)}
          // A round has `round.steps` iterations: k must fall inside it.
          max={Math.max(LOTTERY_ROWS.rewindK.limits.min, Math.min(LOTTERY_ROWS.rewindK.limits.max, round.steps - 1))}
          autoText={`auto (k = ${round.autoK}, 2% of a round)`}
          onCommit={(n) => setLotteryUi({ rewindK: n })}
          hint={notes.k}
        />

        <SectionTitle id="lottery-variants" title="Retraining and controls" locked={busy} />
        <div role="group" aria-labelledby="lottery-variants" className="lottery-controls__variants">
          {VARIANT_IDS.map((id) => (
            <CheckboxField key={id} label={VARIANTS[id].name} checked={ui.variants.includes(id)} onChange={(on) => toggleVariant(id, on)} />
          ))}
        </div>
        {notes.comparison ? <p className="lottery-controls__note">{notes.comparison}</p> : null}
      </fieldset>

      <LotteryProgress />
      {error ? (
        <p className="lottery-controls__error" role="alert">
          {error} Your settings are kept.
        </p>
      ) : null}
      {saveNote ? <p className={`lottery-controls__saved${saveNote.ok ? '' : ' lottery-controls__saved--bad'}`}>{saveNote.message}</p> : null}
    </div>
  );
}
