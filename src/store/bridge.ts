// The store's one door to the worker. A unit test of the real store swaps in a fake of the calls
// it needs (setBridgeForTests, as features/compress/shown.test.ts does); code written against a
// bridge passed in takes a Pick of EngineBridge instead (lotteryRun.ts, transferRun.ts).
import { getEngineBridge } from '../bridge/engine-bridge';
import type { EngineBridge } from '../bridge/engine-bridge-types';

export type { EngineBridge };

let fake: EngineBridge | null = null;

export function bridge(): EngineBridge {
  return fake ?? getEngineBridge();
}

/** Tests only: answers every call with `replacement` until called with null. */
export function setBridgeForTests(replacement: EngineBridge | null): void {
  fake = replacement;
}
