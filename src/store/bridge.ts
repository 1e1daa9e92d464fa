// The store's one door to the worker. Tests can swap in a fake bridge.
import { getEngineBridge } from '../bridge/engine-bridge';
import type { EngineBridge } from '../bridge/engine-bridge-types';

let override: EngineBridge | null = null;

export function bridge(): EngineBridge {
  return override ?? getEngineBridge();
}

export function setBridgeForTests(fake: EngineBridge | null): void {
  override = fake;
}
