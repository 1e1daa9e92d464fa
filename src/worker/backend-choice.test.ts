import { describe, expect, it } from 'vitest';
import { fastest, nextAfterFailure, planBackend, stillValid } from './backend-choice';
import type { BackendMeasurement, BackendTimings } from './protocol';

const timings = (measured: BackendMeasurement[], remembered = false, at = 1000): BackendTimings => ({
  model: 'LeNet-300-100',
  batchSize: 60,
  measured,
  at,
  remembered,
});

const software: BackendMeasurement[] = [
  { name: 'webgpu', samplesPerSecond: 420 },
  { name: 'webgl', samplesPerSecond: 755 },
  { name: 'wasm', samplesPerSecond: 10_711 },
];

describe('planBackend', () => {
  it('picks the fastest measured backend and says by how much', () => {
    const plan = planBackend('auto', timings(software));
    expect(plan.order).toEqual(['wasm', 'cpu']);
    expect(plan.reason).toContain('Measured just now, WebAssembly trained LeNet-300-100 fastest, 10,711 samples/s');
    expect(plan.reason).toContain('14.2x WebGL (755)');
  });

  it('picks WebGPU when it measures fastest, with WebAssembly and cpu behind it', () => {
    const gpu = planBackend('auto', timings([{ name: 'webgpu', samplesPerSecond: 50_000 }, ...software.slice(1)]));
    expect(gpu.order).toEqual(['webgpu', 'wasm', 'cpu']);
  });

  it('skips a backend that failed to start and gives its reason', () => {
    const plan = planBackend('auto', timings([{ name: 'webgpu', samplesPerSecond: null, error: 'this browser has no WebGPU' }, ...software.slice(1)]));
    expect(plan.order[0]).toBe('wasm');
    expect(plan.reason).toContain('WebGPU skipped (this browser has no WebGPU)');
  });

  it('keeps a skip to its first clause on the card and points to the table for the details', () => {
    const swiftshader = 'it is drawn in software (ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver))';
    const plan = planBackend('auto', timings([{ name: 'webgl', samplesPerSecond: null, error: swiftshader }, software[2]]));
    expect(plan.reason).toBe('Measured just now, WebAssembly trained LeNet-300-100 fastest, 10,711 samples/s: WebGL skipped (it is drawn in software). Details under Measured speeds.');
    expect(planBackend('auto', timings(software)).reason).not.toContain('Details');
  });

  it('keeps the override whatever was measured', () => {
    expect(planBackend('webgpu', timings(software))).toEqual({ order: ['webgpu', 'wasm', 'cpu'], reason: 'You chose this backend.' });
    expect(planBackend('cpu', null).order).toEqual(['cpu', 'wasm']);
  });

  it('says a remembered choice was measured earlier', () => {
    expect(planBackend('auto', timings(software, true)).reason).toMatch(/^Measured earlier on this device/);
  });

  it('falls back to WebAssembly with every reason when nothing could be measured', () => {
    const plan = planBackend('auto', timings([{ name: 'webgl', samplesPerSecond: null, error: 'failed to start: lost' }]));
    expect(plan.order).toEqual(['wasm', 'cpu']);
    expect(plan.reason).toContain('WebGL: failed to start: lost');
  });
});

describe('fastest', () => {
  it('ignores failures, zero and NaN rates', () => {
    expect(fastest([{ name: 'webgl', samplesPerSecond: Number.NaN }, { name: 'wasm', samplesPerSecond: 0 }])).toBeNull();
    expect(fastest([{ name: 'webgl', samplesPerSecond: null }, { name: 'cpu', samplesPerSecond: 3 }])?.name).toBe('cpu');
  });
});

describe('stillValid', () => {
  const month = 30 * 24 * 3600 * 1000;
  it('uses a remembered measurement that timed every backend available now', () => {
    expect(stillValid(timings(software), ['webgl', 'wasm'], 2000, month)).toBe(true);
  });
  it('measures again when a backend appeared, the result is old, or the clock went back', () => {
    expect(stillValid(timings(software.slice(1)), ['webgpu', 'webgl', 'wasm'], 2000, month)).toBe(false);
    expect(stillValid(timings(software), ['wasm'], 1000 + month + 1, month)).toBe(false);
    expect(stillValid(timings(software), ['wasm'], 500, month)).toBe(false);
    expect(stillValid(null, ['wasm'], 2000, month)).toBe(false);
  });
});

describe('nextAfterFailure', () => {
  it('moves a run off a failed backend to the next fastest measured', () => {
    expect(nextAfterFailure('webgpu', timings([{ name: 'webgpu', samplesPerSecond: 9000 }, ...software]))).toBe('wasm');
    expect(nextAfterFailure('wasm', timings(software))).toBe('webgl');
  });

  it('skips backends that were not measured, and without figures goes to WebAssembly, or cpu from it', () => {
    expect(nextAfterFailure('webgpu', timings([{ name: 'webgl', samplesPerSecond: null, error: 'no WebGL2' }]))).toBe('wasm');
    expect(nextAfterFailure('webgl', null)).toBe('wasm');
    expect(nextAfterFailure('wasm', undefined)).toBe('cpu');
  });
});
