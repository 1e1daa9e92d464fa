// "Try it on your own digit": the image on the pad (a drawing, pre-processed like MNIST, or a
// test image picked by number) and both models' class probabilities for it, computed in the
// worker. The answer keeps the lab model, the settings key and the input it was computed for,
// and the pad shows each column only while all three still hold (the store rule, shown.ts).
// Also the gallery of test images the model at the current settings gets wrong.
import type { StateCreator } from 'zustand';
import { bridge } from '../../store/bridge';
import type { AppState } from '../../store/types';
import type { MissGallery } from '../../worker/compression-protocol';
import { toUserMessage } from '../../shared/errors';
import { coalesced } from '../../shared/coalesced';
import { shownSettings, wantedKey } from './shown';

export interface DigitInput {
  /** New for every change of the image. */
  id: number;
  /** 28x28 values, 0..1, as the model reads them. */
  pixels: Float32Array;
  /** A test image's number and label; absent for a drawing. */
  test?: { index: number; label: number };
}

export interface DigitAnswer {
  modelId: number;
  key: string;
  inputId: number;
  reference: Float32Array;
  compressed: Float32Array;
}

export interface DigitSlice {
  digitInput: DigitInput | null;
  digitAnswer: DigitAnswer | null;
  digitError: string;
  missGallery: { modelId: number; key: string; gallery: MissGallery } | null;
  missGalleryError: string;
  /** The pad's drawing, already pre-processed (null: the pad was cleared). */
  setDrawnDigit(pixels: Float32Array | null): void;
  /** Shows test image `index` on the pad. */
  pickTestDigit(index: number): void;
  /** Asks for the gallery of the controls as set (once per setting; the view asks when open). */
  refreshMissGallery(): void;
}

export const createDigitSlice: StateCreator<AppState, [], [], DigitSlice> = (set, get, store) => {
  let inputSeq = 0;
  let wantTest: number | null = null;
  /** What the worker is asked about: the model on screen (throws for an auto-compressed model
   * not found in this tab). */
  const request = () => {
    const s = get();
    return { key: wantedKey(s), settings: shownSettings(s), tuned: s.compressUi.fineTuned };
  };

  const classify = coalesced(async () => {
    if (get().baselineStatus !== 'ready') return;
    const modelId = get().labModelId;
    try {
      const { key, settings, tuned } = request();
      if (wantTest !== null) {
        const index = wantTest;
        wantTest = null;
        const d = await bridge().testDigit(settings, tuned, index);
        if (get().labModelId !== modelId || wantTest !== null) return;
        const input: DigitInput = { id: ++inputSeq, pixels: d.pixels, test: { index, label: d.label } };
        set({ digitInput: input, digitAnswer: { modelId, key, inputId: input.id, reference: d.reference, compressed: d.compressed }, digitError: '' });
        return;
      }
      const input = get().digitInput;
      if (!input) return;
      // A copy: the bridge transfers typed arrays, which would empty the pad's own.
      const r = await bridge().classifyDigit(settings, tuned, input.pixels.slice());
      if (get().labModelId === modelId) set({ digitAnswer: { modelId, key, inputId: input.id, ...r }, digitError: '' });
    } catch (error) {
      if (get().labModelId === modelId) set({ digitError: toUserMessage(error, 'Could not read the digit') });
    }
  });

  // The controls or the model changed, by whatever path: answer for them.
  store.subscribe((s, prev) => {
    const changed = s.compressUi !== prev.compressUi || s.labModelId !== prev.labModelId || s.baselineStatus !== prev.baselineStatus;
    if (changed && s.digitInput && s.baselineStatus === 'ready') classify();
  });

  const gallery = coalesced(async () => {
    if (get().baselineStatus !== 'ready') return;
    const modelId = get().labModelId;
    const key = wantedKey(get());
    const have = get().missGallery;
    if (have && have.modelId === modelId && have.key === key) return;
    try {
      const { settings, tuned } = request();
      const result = await bridge().missGallery(settings, tuned);
      if (result && get().labModelId === modelId) set({ missGallery: { modelId, key, gallery: result }, missGalleryError: '' });
    } catch (error) {
      if (get().labModelId === modelId) set({ missGalleryError: toUserMessage(error, 'Could not list the mistakes') });
    }
  });

  return {
    digitInput: null,
    digitAnswer: null,
    digitError: '',
    missGallery: null,
    missGalleryError: '',
    setDrawnDigit(pixels) {
      wantTest = null;
      set({ digitInput: pixels ? { id: ++inputSeq, pixels } : null, digitError: '' });
      if (pixels) classify();
    },
    pickTestDigit(index) {
      wantTest = index;
      classify();
    },
    refreshMissGallery: gallery,
  };
};

type Shown = Pick<AppState, 'digitInput' | 'digitAnswer' | 'labModelId' | 'compressUi' | 'runSpec'>;

const answerFits = (s: Shown): s is Shown & { digitAnswer: DigitAnswer } =>
  s.digitAnswer !== null && s.digitInput !== null && s.digitAnswer.modelId === s.labModelId && s.digitAnswer.inputId === s.digitInput.id;

/** The reference column for the image on the pad: only while the model and the image are the
 * ones it was computed for. */
export function selectShownReference(s: Shown): Float32Array | null {
  return answerFits(s) ? s.digitAnswer.reference : null;
}

/** The compressed column: only while the settings are the ones it was computed with, too. */
export function selectShownCompressed(s: Shown): Float32Array | null {
  return answerFits(s) && s.digitAnswer.key === wantedKey(s) ? s.digitAnswer.compressed : null;
}

/** The gallery of the controls as set, or null (not listed for these settings yet). */
export function selectShownGallery(s: Pick<AppState, 'missGallery' | 'labModelId' | 'compressUi' | 'runSpec'>): MissGallery | null {
  const g = s.missGallery;
  return g && g.modelId === s.labModelId && g.key === wantedKey(s) ? g.gallery : null;
}
