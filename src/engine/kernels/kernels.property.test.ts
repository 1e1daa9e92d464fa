// The WebAssembly kernels against the plain reference (reference.ts) on random layers: any shape,
// sparsity, batch, shared or per-unit tables, codes or raw values, inputs with zero rows.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKernels } from '../../../test/kernels';
import { WasmArena } from './arena';
import type { KernelLayout } from './kernelLayout';
import { referenceConv, referenceDense } from './reference';
import type { KernelExports } from './types';

let kernels: KernelExports;
beforeAll(async () => {
  kernels = await loadKernels();
});

const float = fc.float({ min: -4, max: 4, noNaN: true, noDefaultInfinity: true }).map(Math.fround);

/** A random layout of rows x units with a random keep pattern and code scheme. */
const layoutArb = (rows: number, units: number) =>
  fc
    .record({
      keep: fc.array(fc.boolean(), { minLength: rows * units, maxLength: rows * units }),
      codes: fc.array(fc.integer({ min: 0, max: 15 }), { minLength: rows * units, maxLength: rows * units }),
      table: fc.array(float, { minLength: 16 * units, maxLength: 16 * units }),
      bias: fc.array(float, { minLength: units, maxLength: units }),
      mode: fc.constantFrom('shared', 'perUnit', 'values'),
    })
    .map(({ keep, codes, table, bias, mode }): KernelLayout => {
      const rowStart = new Uint32Array(rows + 1);
      const unitIndex: number[] = [];
      const kept: number[] = [];
      keep.forEach((k, p) => {
        if (!k) return;
        rowStart[Math.floor(p / units) + 1]++;
        unitIndex.push(p % units);
        kept.push(codes[p]);
      });
      for (let r = 0; r < rows; r++) rowStart[r + 1] += rowStart[r];
      const values = mode === 'values';
      return {
        rows,
        units,
        rowStart,
        unitIndex: Uint16Array.from(unitIndex),
        codes: values ? null : Uint8Array.from(kept),
        table: Float32Array.from(values ? kept.map((_, k) => table[k % table.length]) : table),
        stride: mode === 'perUnit' ? 16 : 0,
        bias: Float32Array.from(bias),
      };
    });

function place(a: WasmArena, l: KernelLayout) {
  return { rowStart: a.put(l.rowStart), units: a.put(l.unitIndex), codes: l.codes ? a.put(l.codes) : 0, table: a.put(l.table), bias: a.put(l.bias) };
}

function expectClose(got: ArrayLike<number>, want: Float64Array, scale: number): void {
  for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i])).toBeLessThanOrEqual(1e-5 * scale);
}

describe('WebAssembly kernels against the plain reference', () => {
  it('sparseDense: y = x W + b over the kept weights, any batch', () => {
    const shapes = fc.record({ rows: fc.integer({ min: 1, max: 20 }), units: fc.integer({ min: 1, max: 20 }), batch: fc.integer({ min: 1, max: 9 }) });
    const cases = shapes.chain(({ rows, units, batch }) =>
      fc.record({
        layout: layoutArb(rows, units),
        x: fc.array(fc.oneof(fc.constant(0), float), { minLength: rows * batch, maxLength: rows * batch }),
        batch: fc.constant(batch),
        relu: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(cases, ({ layout: l, x, batch, relu }) => {
        const a = new WasmArena(kernels);
        const lanes = Math.ceil(batch / 4) * 4;
        const p = place(a, l);
        const input = a.put(Float32Array.from(x));
        const xl = a.alloc(4 * l.rows * lanes);
        const y = a.alloc(4 * l.units * lanes);
        kernels.toLanes(input, batch, l.rows, xl, lanes);
        kernels.sparseDense(xl, lanes, l.rows, p.rowStart, p.units, p.codes, p.table, l.stride, p.bias, y, l.units, relu ? 1 : 0);
        const out = a.f32(y, l.units * lanes);
        const got = Float64Array.from({ length: batch * l.units }, (_, i) => out[(i % l.units) * lanes + Math.floor(i / l.units)]);
        expectClose(got, referenceDense(l, Float32Array.from(x), batch, relu), 16 * (l.rows + 1));
      }),
      { numRuns: 150 },
    );
  });

  it('denseF32: y = x W + b with every weight, the dense baseline', () => {
    const cases = fc
      .record({ rows: fc.integer({ min: 1, max: 20 }), units: fc.integer({ min: 1, max: 20 }), batch: fc.integer({ min: 1, max: 9 }) })
      .chain(({ rows, units, batch }) =>
        fc.record({
          w: fc.array(float, { minLength: rows * units, maxLength: rows * units }),
          bias: fc.array(float, { minLength: units, maxLength: units }),
          x: fc.array(float, { minLength: rows * batch, maxLength: rows * batch }),
          dims: fc.constant({ rows, units, batch }),
        }),
      );
    fc.assert(
      fc.property(cases, ({ w, bias, x, dims: { rows, units, batch } }) => {
        const l: KernelLayout = {
          rows,
          units,
          rowStart: Uint32Array.from({ length: rows + 1 }, (_, r) => r * units),
          unitIndex: Uint16Array.from({ length: rows * units }, (_, k) => k % units),
          codes: null,
          table: Float32Array.from(w),
          stride: 0,
          bias: Float32Array.from(bias),
        };
        const a = new WasmArena(kernels);
        const lanes = Math.ceil(batch / 4) * 4;
        const input = a.put(Float32Array.from(x));
        const xl = a.alloc(4 * rows * lanes);
        const y = a.alloc(4 * units * lanes);
        kernels.toLanes(input, batch, rows, xl, lanes);
        const wt = Float32Array.from({ length: rows * units }, (_, i) => w[(i % rows) * units + Math.floor(i / rows)]);
        kernels.denseF32(xl, lanes, rows, a.put(wt), a.put(l.bias), y, units, 1);
        const out = a.f32(y, units * lanes);
        const got = Float64Array.from({ length: batch * units }, (_, i) => out[(i % units) * lanes + Math.floor(i / units)]);
        expectClose(got, referenceDense(l, Float32Array.from(x), batch, true), 16 * (rows + 1));
      }),
      { numRuns: 100 },
    );
  });

  it('sparseConv: a valid stride-1 convolution over the kept weights', () => {
    const shapes = fc.record({ inC: fc.integer({ min: 1, max: 3 }), size: fc.integer({ min: 1, max: 5 }), extraH: fc.integer({ min: 0, max: 7 }), extraW: fc.integer({ min: 0, max: 9 }), outC: fc.integer({ min: 1, max: 4 }) });
    const cases = shapes.chain(({ inC, size, extraH, extraW, outC }) => {
      const h = size + extraH;
      const w = size + extraW;
      return fc.record({
        layout: layoutArb(size * size * inC, outC),
        x: fc.array(float, { minLength: inC * h * w, maxLength: inC * h * w }),
        dims: fc.constant({ inC, h, w, size }),
        relu: fc.boolean(),
      });
    });
    fc.assert(
      fc.property(cases, ({ layout: l, x, dims: { inC, h, w, size }, relu }) => {
        const a = new WasmArena(kernels);
        const p = place(a, l);
        const input = a.put(Float32Array.from(x));
        const want = referenceConv(l, Float32Array.from(x), inC, h, w, size, relu);
        const y = a.alloc(4 * want.length);
        kernels.sparseConv(input, inC, h, w, size, p.rowStart, p.units, p.codes, p.table, l.stride, p.bias, y, l.units, relu ? 1 : 0);
        expectClose(a.f32(y, want.length), want, 16 * (size * size * inC + 1));
      }),
      { numRuns: 150 },
    );
  });

  it('padPlanar, maxPool and flattenToLanes move values where the model puts them', () => {
    const cases = fc.record({ c: fc.integer({ min: 1, max: 3 }), h: fc.integer({ min: 2, max: 9 }), w: fc.integer({ min: 2, max: 9 }), pad: fc.integer({ min: 0, max: 2 }), lane: fc.integer({ min: 0, max: 7 }) });
    fc.assert(
      fc.property(cases, ({ c, h, w, pad, lane }) => {
        const a = new WasmArena(kernels);
        const x = Float32Array.from({ length: c * h * w }, (_, i) => Math.fround(Math.sin(i + 1)));
        const input = a.put(x);
        const ph = h + 2 * pad;
        const pw = w + 2 * pad;
        const padded = a.alloc(4 * c * ph * pw);
        kernels.padPlanar(input, c, h, w, pad, padded);
        const pv = a.f32(padded, c * ph * pw);
        for (let ch = 0; ch < c; ch++) for (let y = 0; y < ph; y++) for (let xx = 0; xx < pw; xx++) {
          const inside = y >= pad && y < pad + h && xx >= pad && xx < pad + w;
          expect(pv[(ch * ph + y) * pw + xx]).toBe(inside ? x[(ch * h + y - pad) * w + xx - pad] : 0);
        }
        const oh = Math.floor(h / 2);
        const ow = Math.floor(w / 2);
        const pooled = a.alloc(4 * c * oh * ow);
        kernels.maxPool(input, c, h, w, 2, pooled);
        const lanes = 8;
        const flat = a.alloc(4 * c * oh * ow * lanes);
        kernels.flattenToLanes(pooled, c, oh, ow, flat, lanes, lane);
        const fv = a.f32(flat, c * oh * ow * lanes);
        for (let ch = 0; ch < c; ch++) for (let y = 0; y < oh; y++) for (let xx = 0; xx < ow; xx++) {
          const m = Math.max(...[0, 1].flatMap((dy) => [0, 1].map((dx) => x[(ch * h + 2 * y + dy) * w + 2 * xx + dx])));
          expect(fv[((y * ow + xx) * c + ch) * lanes + lane]).toBe(m);
        }
      }),
      { numRuns: 100 },
    );
  });
});
