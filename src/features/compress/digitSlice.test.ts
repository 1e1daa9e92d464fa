// The store rule for the digit pad: the dense column shows only for the model and the image it
// was computed for; the compressed column for the settings too. Moving a slider hides the
// compressed column (never another setting's figures) and keeps the dense one.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SPEC } from '../../engine/spec/defaults';
import { DEFAULT_COMPRESS_UI } from '../../url/compressControls';
import { selectShownCompressed, selectShownReference, type DigitAnswer, type DigitInput } from './digitSlice';
import { wantedKey } from './shown';

const input: DigitInput = { id: 3, pixels: new Float32Array(784) };
const base = { labModelId: 2, compressUi: { ...DEFAULT_COMPRESS_UI, sparsity: 0.9, bits: 4 }, runSpec: DEFAULT_SPEC, digitInput: input };
const answer: DigitAnswer = { modelId: 2, key: wantedKey(base), inputId: 3, reference: Float32Array.of(0.9, 0.1), compressed: Float32Array.of(0.6, 0.4) };
const state = { ...base, digitAnswer: answer };

describe('digit pad columns', () => {
  it('show both while model, image and settings are the ones computed for', () => {
    expect(selectShownReference(state)).toBe(answer.reference);
    expect(selectShownCompressed(state)).toBe(answer.compressed);
  });

  it('hide the compressed column only when the settings move', () => {
    const moved = { ...state, compressUi: { ...state.compressUi, sparsity: 0.99 } };
    expect(selectShownReference(moved)).toBe(answer.reference);
    expect(selectShownCompressed(moved)).toBeNull();
    const finetuned = { ...state, compressUi: { ...state.compressUi, fineTuned: 2 } };
    expect(selectShownCompressed(finetuned)).toBeNull();
  });

  it('hide both for another image or another model', () => {
    const redrawn = { ...state, digitInput: { ...input, id: 4 } };
    const retrained = { ...state, labModelId: 3 };
    for (const s of [redrawn, retrained, { ...state, digitInput: null }]) {
      expect(selectShownReference(s)).toBeNull();
      expect(selectShownCompressed(s)).toBeNull();
    }
  });

  it('return the stored arrays themselves, so a component re-renders only on a new answer', () => {
    expect(selectShownReference(state)).toBe(selectShownReference({ ...state }));
    expect(selectShownCompressed(state)).toBe(selectShownCompressed({ ...state }));
  });
});
