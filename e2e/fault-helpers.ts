// Shared by the fault tests (e2e/fault.spec.ts) and the soak (e2e/fault.soak.ts): the page's
// fault-injection hooks (window.__playground, src/app/main.tsx) and cheap readings of the page.
import { expect, type Page } from '@playwright/test';

export interface EngineStatus {
  runState: string;
  step: number | null;
  backend: string;
  numTensors: number;
  heapBytes: number | null;
}

type Hooks = {
  terminateWorker(): void;
  crashWorker(): Promise<void>;
  loseWebglContext(): Promise<boolean>;
  engineStatus(): Promise<EngineStatus | null>;
  memory(): Promise<{ numTensors: number }>;
};

export const engineStatus = (page: Page) => page.evaluate(() => (window as unknown as { __playground: Hooks }).__playground.engineStatus());
export const workerStep = async (page: Page) => (await engineStatus(page))?.step ?? null;
export const terminateWorker = (page: Page) => page.evaluate(() => (window as unknown as { __playground: Hooks }).__playground.terminateWorker());
export const crashWorker = (page: Page) => page.evaluate(() => (window as unknown as { __playground: Hooks }).__playground.crashWorker());
export const loseWebglContext = (page: Page) => page.evaluate(() => (window as unknown as { __playground: Hooks }).__playground.loseWebglContext());

/** Points drawn on the live curves (all series together): what the student already has. */
export function curvePoints(page: Page): Promise<number> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.curve-chart__series path')).reduce((n: number, p: Element) => n + ((p.getAttribute('d') ?? '').match(/[ML]/g)?.length ?? 0), 0),
  );
}

/** Waits until the worker's run has gone past `steps` batches. */
export async function waitForSteps(page: Page, steps: number, timeout = 90_000): Promise<number> {
  await expect.poll(async () => (await workerStep(page)) ?? 0, { timeout, intervals: [200] }).toBeGreaterThan(steps);
  return (await workerStep(page)) ?? 0;
}

/** A small seeded generator (mulberry32), so "random" moments are the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Page errors other than the crash a test caused on purpose. */
export function unexpected(errors: string[]): string[] {
  return errors.filter((e) => !/Simulated crash \(fault test\)/.test(e));
}

/** The run's alert and status lines (StatusRegion): other regions of the page have their own. */
export const runAlert = (page: Page) => page.locator('.status-region__alert-slot');
export const runStatus = (page: Page) => page.locator('.status-region__status');
