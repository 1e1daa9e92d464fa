// The banner's words for a linked compression: an auto-compress result is described by its search.
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPRESS_UI } from '../../../url/compressControls';
import { describeCompression } from './describe';

describe('describeCompression', () => {
  it('names the sliders for a slider setting', () => {
    expect(describeCompression({ ...DEFAULT_COMPRESS_UI, sparsity: 0.9, bits: 4 })).toMatch(/^90\.0% pruned .*, 4 bits$/);
  });

  it('names the search for an auto-compress result, not the sliders it left alone', () => {
    const text = describeCompression({ ...DEFAULT_COMPRESS_UI, auto: true, autoBudget: 0.3, autoRounds: 7 });
    expect(text).toBe('auto-compressed within 0.3 pt of the reference, 7 rounds (rerun it with "Rerun auto-compress")');
    expect(text).not.toMatch(/nothing pruned/);
    const polished = describeCompression({ ...DEFAULT_COMPRESS_UI, auto: true, autoBudget: 0.3, autoRounds: 7, autoPreset: 'quick-polish', autoPolished: 2 });
    expect(polished).toBe('auto-compressed within 0.3 pt of the reference, 7 rounds and 2 masks polished (rerun it with "Rerun auto-compress")');
  });
});
