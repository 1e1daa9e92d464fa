// Parser for the IDX format of the MNIST files. Every failure becomes a DatasetError whose
// message a student can act on: which file, what is wrong with it, and how to get a good copy.

/** A data file is missing, damaged or of the wrong kind. */
export class DatasetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetError';
  }
}

export interface IdxExpectation {
  /** File name used in messages, e.g. "train-images.idx.gz". */
  name?: string;
  /** Number of dimensions, e.g. 3 for images (count x rows x cols). */
  dims?: number;
  /** Number of items (the first dimension). */
  count?: number;
  /** Shape of one item (the dimensions after the first), e.g. [28, 28]. */
  itemShape?: number[];
}

export interface IdxData {
  dims: number[];
  /** A view on the input buffer, no copy. */
  data: Uint8Array;
}

const REGENERATE = 'Run `npm install` to regenerate the data files.';
const UBYTE = 0x08;
const TYPE_NAMES: Record<number, string> = {
  0x09: 'signed bytes',
  0x0b: '16-bit integers',
  0x0c: '32-bit integers',
  0x0d: '32-bit floats',
  0x0e: '64-bit floats',
};

const hex = (n: number, digits: number): string => '0x' + n.toString(16).padStart(digits, '0');
const shapeText = (shape: number[]): string => shape.join(' x ');

export function parseIdx(buf: ArrayBuffer, expect: IdxExpectation = {}): IdxData {
  const name = expect.name ?? 'The data file';
  const fail = (problem: string): never => {
    throw new DatasetError(`${name} ${problem} ${REGENERATE}`);
  };
  const bytes = new Uint8Array(buf);
  if (bytes.length < 4) fail(`is too short to be an IDX file (${bytes.length} bytes).`);

  const view = new DataView(buf);
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    // A gzip header (1f 8b) means the page skipped decompression, a common slip worth naming.
    const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b ? ' It is still gzip-compressed.' : '';
    fail(`is not an IDX file (bad magic ${hex(view.getUint32(0), 8)}).${gzip}`);
  }
  const type = bytes[2];
  if (type !== UBYTE) {
    const what = TYPE_NAMES[type] ?? 'an unknown value type';
    fail(`holds ${what} (IDX type ${hex(type, 2)}), but only unsigned bytes (0x08) are supported.`);
  }
  const ndims = bytes[3];
  if (ndims === 0) fail('declares no dimensions, so it holds no data.');
  const headerBytes = 4 + 4 * ndims;
  if (bytes.length < headerBytes) {
    fail(`is truncated inside its header (${bytes.length} bytes, the header alone needs ${headerBytes}).`);
  }

  const dims: number[] = [];
  for (let d = 0; d < ndims; d++) dims.push(view.getUint32(4 + 4 * d));
  checkExpectedShape(dims, expect, fail);

  const dataBytes = dims.reduce((a, b) => a * b, 1);
  const expectedBytes = headerBytes + dataBytes;
  if (bytes.length < expectedBytes) {
    fail(`is truncated: its header promises ${expectedBytes} bytes but it has only ${bytes.length}.`);
  }
  if (bytes.length > expectedBytes) {
    fail(`has ${bytes.length - expectedBytes} bytes more than its header promises (${expectedBytes}).`);
  }
  return { dims, data: new Uint8Array(buf, headerBytes, dataBytes) };
}

function checkExpectedShape(dims: number[], expect: IdxExpectation, fail: (p: string) => never): void {
  if (expect.dims !== undefined && dims.length !== expect.dims) {
    fail(`has ${dims.length} dimensions (${shapeText(dims)}), expected ${expect.dims}.`);
  }
  if (expect.count !== undefined && dims[0] !== expect.count) {
    fail(`holds ${dims[0]} items, expected ${expect.count}.`);
  }
  if (expect.itemShape !== undefined) {
    const item = dims.slice(1);
    const same = item.length === expect.itemShape.length && item.every((v, i) => v === expect.itemShape?.[i]);
    if (!same) {
      fail(`holds items of shape ${shapeText(item) || 'scalar'}, expected ${shapeText(expect.itemShape) || 'scalar'}.`);
    }
  }
}
