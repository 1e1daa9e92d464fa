// Remembers this device's backend timings in IndexedDB (the worker has no localStorage), keyed by
// what decides the speed: the graphics the browser offers (WebGL renderer, WebGPU adapter), the
// browser itself and its cores, and the model timed. Best effort: a browser that refuses storage
// (private mode, quota) measures again on the next visit, nothing else changes.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { BackendTimings } from './protocol';

interface TimingsDb extends DBSchema {
  timings: { key: string; value: BackendTimings };
}

let db: Promise<IDBPDatabase<TimingsDb>> | null = null;

function open(): Promise<IDBPDatabase<TimingsDb>> {
  db ??= openDB<TimingsDb>('playground-backend-timings', 1, {
    upgrade(d) {
      d.createObjectStore('timings');
    },
  });
  return db;
}

export interface DeviceFacts {
  webglRenderer?: string;
  webgpuAdapter?: string;
  model: string;
}

export function deviceKey(facts: DeviceFacts): string {
  const nav = globalThis.navigator as { userAgent?: string; hardwareConcurrency?: number } | undefined;
  return [facts.model, facts.webglRenderer ?? 'no webgl', facts.webgpuAdapter ?? 'no webgpu', nav?.userAgent ?? '', nav?.hardwareConcurrency ?? 0].join('|');
}

export async function recallTimings(key: string): Promise<BackendTimings | null> {
  if (typeof indexedDB === 'undefined') return null;
  try {
    return (await (await open()).get('timings', key)) ?? null;
  } catch {
    return null;
  }
}

export async function rememberTimings(key: string, timings: BackendTimings): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  try {
    await (await open()).put('timings', { ...timings, remembered: false }, key);
  } catch {
    // Not kept: the next visit measures again.
  }
}
