// The header's "Export as PyTorch script" writes the lottery script in the Lottery view and the
// training + compression script elsewhere, each carrying the share link of what is on screen
// (the results file names it, so "Open" on the imported run restores the settings).
import { describe, expect, it } from 'vitest';
import { decodeExperiment, encodeExperiment } from '../../../url/codec';
import { linkStateForStore } from '../../../url/linkState';
import { scriptFor } from './scriptFor';

const experimentOf = (hash: string) => linkStateForStore(decodeExperiment(hash).experiment);

/** The value of a key of the script's EXPERIMENT table, as written. */
const entry = (text: string, key: string) => new RegExp(`^    "${key}": (.*),$`, 'm').exec(text)?.[1];

describe('scriptFor', () => {
  it('writes the Lottery view\'s run, with its settings and link, in the Lottery view', async () => {
    const state = experimentOf('#v=1&view=lottery&seed=9&rounds=3&variants=rewind_init,rewind_k,finetune&recipe=sgd_step&prune_scope=global');
    const { name, text } = await scriptFor(state);
    expect(name).toBe('lottery-lenet_300_100-mnist-seed9.py');
    expect(entry(text, 'rounds')).toBe('3');
    expect(entry(text, 'scope')).toBe('"global"');
    expect(entry(text, 'recipe')).toBe('"sgd_step"');
    expect(entry(text, 'variants')).toBe('["rewind_init", "rewind_k", "finetune"]');
    const link = encodeExperiment(state);
    expect(link).toContain('view=lottery');
    expect(entry(text, 'link')).toBe(`"${link}"`);
  });

  it('writes the training + compression run in the other views, with its link', async () => {
    const state = experimentOf('#v=1&view=compress&model=lenet5&seed=4&sparsity=0.8&bits=6');
    const { name, text } = await scriptFor(state);
    expect(name).toBe('lenet5-mnist-seed4.py');
    expect(entry(text, 'model')).toBe('"lenet5"');
    expect(entry(text, 'link')).toBe(`"${encodeExperiment(state)}"`);
  });

  it('says that an auto-compressed model is not what it writes, and links the sliders\' model', async () => {
    // The script repeats the sliders' compression; the search runs only in the page and in
    // `npm run reproduce -- smallest`. Its results file must not name the search's link, or
    // History would show the sliders' figures under the found model's settings.
    const state = experimentOf('#v=1&view=compress&seed=4&sparsity=0.9&bits=4&auto=1&auto_budget=0.5&auto_rounds=3&auto_preset=quick-tuned');
    expect(state.compressUi.auto).toBe(true);
    const { text, what } = await scriptFor(state);
    const link = JSON.parse(entry(text, 'link') ?? '""') as string;
    expect(link).not.toContain('auto=');
    expect(link).toBe(encodeExperiment({ ...state, compressUi: { ...state.compressUi, auto: false } }));
    expect(entry(text, 'sparsity')).toBe('0.9');
    expect(what).toMatch(/sliders' compression.*auto-compress search runs only in the page/);
  });
});
