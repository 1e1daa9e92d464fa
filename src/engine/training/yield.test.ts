import { describe, expect, it } from 'vitest';
import { abortError, adaptSliceSize, isAbortError, nextEvalStep, throwIfAborted, yieldToEventLoop } from './yield';

describe('nextEvalStep', () => {
  it('stops at the next eval interval or epoch end, whichever comes first, and never past the end', () => {
    expect(nextEvalStep(0, 40, 50, 150)).toBe(40);
    expect(nextEvalStep(40, 40, 50, 150)).toBe(50);
    expect(nextEvalStep(50, 40, 50, 150)).toBe(80);
    expect(nextEvalStep(120, 40, 50, 150)).toBe(150);
    expect(nextEvalStep(0, 0, 50, 150)).toBe(50); // no interval: epoch ends only
    expect(nextEvalStep(0, 1000, 50, 30)).toBe(30);
  });
});

describe('adaptSliceSize', () => {
  it('aims at the slice length from the pace of the last slice, changing at most 2x', () => {
    expect(adaptSliceSize(10, 10, 50, 100)).toBe(20); // 5 ms a step, 100 ms wanted
    expect(adaptSliceSize(10, 10, 100, 100)).toBe(10);
    expect(adaptSliceSize(10, 10, 1000, 100)).toBe(5); // would be 1, halved at most
    expect(adaptSliceSize(8, 2, 10, 100)).toBe(16); // a slice cut short still measures the pace
    expect(adaptSliceSize(1, 1, 500, 100)).toBe(1);
    expect(adaptSliceSize(7, 0, 0, 100)).toBe(7);
  });
});

describe('abort helpers', () => {
  it('throw an error named AbortError only once the signal is aborted', () => {
    expect(() => throwIfAborted(undefined)).not.toThrow();
    expect(() => throwIfAborted({ aborted: false })).not.toThrow();
    expect(() => throwIfAborted({ aborted: true })).toThrow(expect.objectContaining({ name: 'AbortError' }));
    expect(isAbortError(abortError())).toBe(true);
    expect(isAbortError(new Error('other'))).toBe(false);
  });

  it('yields a whole macrotask, so work queued before it (an abort message) runs first', async () => {
    let ran = false;
    setImmediate(() => (ran = true));
    await yieldToEventLoop(); // a microtask-only yield would resolve before the callback
    expect(ran).toBe(true);
  });
});
