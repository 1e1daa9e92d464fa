// C literals for the exported header: byte arrays, float arrays and numbers, all formatted here
// from values the format checker has passed (finite floats, whole counts), never from text.

/** A float32 as a C float literal that reads back to the same float (9 significant digits do). */
export function cFloat(value: number): string {
  const v = Math.fround(value);
  if (!Number.isFinite(v)) throw new Error(`Cannot export C code: ${value} is not a finite number.`);
  if (Object.is(v, -0)) return '-0.0f';
  return `${v.toPrecision(9)}f`;
}

/** A whole number as a C unsigned literal. */
export function cUnsigned(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new Error(`Cannot export C code: ${n} is not a count.`);
  return `${n}u`;
}

function rows(items: string[], perRow: number): string {
  const lines: string[] = [];
  for (let i = 0; i < items.length; i += perRow) lines.push(`  ${items.slice(i, i + perRow).join(', ')}`);
  return lines.join(',\n');
}

export interface CArray {
  /** The definition, or '' when there is nothing to store (the pointer is then 0). */
  text: string;
  /** What a struct field points at: the array's name, or 0. */
  ref: string;
  bytes: number;
}

export function byteArray(name: string, data: Uint8Array | null): CArray {
  if (data === null || data.length === 0) return { text: '', ref: '0', bytes: 0 };
  const items = Array.from(data, (b) => `0x${b.toString(16).padStart(2, '0')}`);
  return { text: `static const uint8_t ${name}[${data.length}] = {\n${rows(items, 16)}\n};\n`, ref: name, bytes: data.length };
}

export function floatArray(name: string, values: Float32Array | null): CArray {
  if (values === null || values.length === 0) return { text: '', ref: '0', bytes: 0 };
  return { text: `static const float ${name}[${values.length}] = {\n${rows(Array.from(values, cFloat), 6)}\n};\n`, ref: name, bytes: 4 * values.length };
}
