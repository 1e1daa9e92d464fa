import { describe, expect, it } from 'vitest';
import { readIdx } from '../../../test/mnist';
import { DatasetError, parseIdx } from './idx';

/** An IDX file built by hand: header bytes, sizes, then `payload` bytes. */
function idx(dims: number[], payload: number, header: { type?: number; magic0?: number } = {}): ArrayBuffer {
  const bytes = new Uint8Array(4 + 4 * dims.length + payload);
  const view = new DataView(bytes.buffer);
  bytes[0] = header.magic0 ?? 0;
  bytes[2] = header.type ?? 0x08;
  bytes[3] = dims.length;
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d));
  for (let i = 4 + 4 * dims.length; i < bytes.length; i++) bytes[i] = i % 256;
  return bytes.buffer;
}

const REGENERATE = /Run `npm install` to regenerate the data files\.$/;

function expectDatasetError(run: () => unknown, message: RegExp): void {
  let caught: unknown;
  try {
    run();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(DatasetError);
  expect((caught as Error).message).toMatch(message);
  expect((caught as Error).message).toMatch(REGENERATE);
}

describe('parseIdx on the real MNIST test files', () => {
  it('reads the 10,000 test labels, starting 7 2 1 0 4 1 4 9 5 9', () => {
    const { dims, data } = parseIdx(readIdx('t10k-labels-idx1-ubyte'), { dims: 1, count: 10000 });
    expect(dims).toEqual([10000]);
    expect(data.length).toBe(10000);
    expect(Array.from(data.subarray(0, 10))).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
    expect(Math.max(...data)).toBe(9);
  });

  it('reads the 10,000 test images as 28x28 bytes without copying', () => {
    const buf = readIdx('t10k-images-idx3-ubyte');
    const { dims, data } = parseIdx(buf, { dims: 3, count: 10000, itemShape: [28, 28] });
    expect(dims).toEqual([10000, 28, 28]);
    expect(data.length).toBe(10000 * 784);
    expect(data.buffer).toBe(buf);
    expect(data.byteOffset).toBe(16);
    // A digit: mostly background, some full-intensity strokes.
    const first = data.subarray(0, 784);
    expect(first.filter((v) => v === 0).length).toBeGreaterThan(500);
    expect(Math.max(...first)).toBe(255);
  });
});

describe('parseIdx errors', () => {
  it('names a file too short to hold a header', () => {
    expectDatasetError(() => parseIdx(new Uint8Array([0, 0, 8]).buffer, { name: 'x.idx' }), /^x\.idx is too short to be an IDX file \(3 bytes\)\./);
  });

  it('reports the bad magic of a file that is still gzip-compressed', () => {
    const gz = new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 1, 2, 3, 4]).buffer;
    expectDatasetError(
      () => parseIdx(gz, { name: 'train-images.idx.gz' }),
      /^train-images\.idx\.gz is not an IDX file \(bad magic 0x1f8b0800\)\. It is still gzip-compressed\./,
    );
    expectDatasetError(() => parseIdx(idx([2], 2, { magic0: 1 })), /bad magic 0x01000801/);
  });

  it('refuses value types other than unsigned bytes', () => {
    expectDatasetError(
      () => parseIdx(idx([2], 8, { type: 0x0d }), { name: 'f.idx' }),
      /^f\.idx holds 32-bit floats \(IDX type 0x0d\), but only unsigned bytes \(0x08\) are supported\./,
    );
  });

  it('checks dimensions, item count and item shape against what is expected', () => {
    const labels = idx([5], 5);
    expectDatasetError(() => parseIdx(labels, { name: 'l.idx', dims: 3 }), /^l\.idx has 1 dimensions \(5\), expected 3\./);
    expectDatasetError(() => parseIdx(labels, { name: 'l.idx', count: 60000 }), /^l\.idx holds 5 items, expected 60000\./);
    const images = idx([2, 28, 27], 2 * 28 * 27);
    expectDatasetError(
      () => parseIdx(images, { name: 'i.idx', itemShape: [28, 28] }),
      /^i\.idx holds items of shape 28 x 27, expected 28 x 28\./,
    );
  });

  it('catches truncated files and files with extra bytes', () => {
    expectDatasetError(
      () => parseIdx(idx([10, 28, 28], 10 * 784 - 1), { name: 't.idx' }),
      /^t\.idx is truncated: its header promises 7856 bytes but it has only 7855\./,
    );
    expectDatasetError(() => parseIdx(idx([4], 6), { name: 'e.idx' }), /^e\.idx has 2 bytes more than its header promises \(12\)\./);
    const headerCut = idx([10, 28, 28], 0).slice(0, 10);
    expectDatasetError(() => parseIdx(headerCut), /truncated inside its header/);
  });

  it('truncating the real label file is caught', () => {
    const cut = readIdx('t10k-labels-idx1-ubyte').slice(0, 5000);
    expectDatasetError(() => parseIdx(cut, { name: 'test-labels.idx.gz' }), /^test-labels\.idx\.gz is truncated/);
  });
});
