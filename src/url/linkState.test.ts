// The store side of the link (src/store/link.ts is these plus the address bar), derived from the
// table: the state a link opens holds every store key a row lives in (and nothing else), as its
// controls can show it; a change to any of those keys rewrites the address, and reading them back
// gives the same link.
import { describe, expect, it } from 'vitest';
import { decodeExperiment, encodeExperiment } from './codec';
import { defaultExperiment } from './defaults';
import { FIELDS } from './fields';
import { LINK_STORE_KEYS, linkStateChanged, linkStateForStore, linkStateOf } from './linkState';
import { snapSparsity } from './sparsityScale';
import type { Experiment } from './types';

/** What src/store/link.ts's stateFromHash gives the store. */
function stateFromHash(hash: string) {
  const { experiment, notes } = decodeExperiment(hash);
  return { ...linkStateForStore(experiment), linkNotes: notes };
}

const LINK = '#v=1&view=lottery&epochs=7&seed=4294967295&sparsity=0.123&bits=4&rounds=12&variants=finetune&transfer_task=fashion&transfer_prune=90&transfer_pretrain=full&seed_hide=1';

describe('the store side of the link', () => {
  it('holds every store key of the table, and only those', () => {
    expect([...LINK_STORE_KEYS].sort()).toEqual(Object.keys(defaultExperiment()).sort());
    expect(new Set(FIELDS.map((f) => f.home.store))).toEqual(new Set(LINK_STORE_KEYS));
    const state = stateFromHash(LINK);
    expect(Object.keys(state).sort()).toEqual([...LINK_STORE_KEYS, 'linkNotes'].sort());
    expect(state.linkNotes).toEqual([]);
  });

  it('opens a link as its controls show it, and reads it back as the same link', () => {
    const state = stateFromHash(LINK);
    expect(state.compressUi?.sparsity).toBe(snapSparsity(0.123));
    expect(state.compressUi?.sparsity).not.toBe(0.123);
    expect(state).toMatchObject({ view: 'lottery', transferTask: 'fashion', transferSparsity: 0.9, transferPretraining: 'full', hiddenControls: { seed: true } });
    expect(state.spec?.seed).toBe(2 ** 32 - 1);
    expect(state.lotteryUi).toMatchObject({ rounds: 12, variants: ['finetune'] });
    // The store holds more than the link: reading it back takes the link's keys only.
    expect(`#${encodeExperiment(linkStateOf({ ...state, runId: 3 } as Experiment))}`).toBe(LINK.replace('sparsity=0.123', `sparsity=${snapSparsity(0.123)}`));
  });

  it('rewrites the address when any key the link holds changes, and not for others', () => {
    const before = { ...defaultExperiment(), runId: 1 };
    for (const key of LINK_STORE_KEYS) {
      // An object the store replaced, or another of the row's values.
      const other = FIELDS.find((f) => f.home.store === key && f.home.prop === undefined)?.values?.find((x) => x !== before[key]);
      const after: Experiment = { ...before, [key]: typeof before[key] === 'object' ? structuredClone(before[key]) : other };
      expect(after[key]).not.toBeUndefined();
      expect(linkStateChanged(after, before), key).toBe(true);
    }
    expect(linkStateChanged({ ...before, runId: 2 } as Experiment, before)).toBe(false);
    expect(Object.keys(linkStateOf(before))).not.toContain('runId');
  });
});
