// Little-endian byte writing and bounds-checked reading. Every read checks the remaining length
// first and fails with a FormatError naming what was being read, so junk input can neither
// run past the buffer nor make the decoder allocate what the buffer could not hold.

/** The only error decodeModel throws for bad input; its message is a sentence for people. */
export class FormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormatError';
  }
}

export class ByteWriter {
  private buf = new Uint8Array(1024);
  private view = new DataView(this.buf.buffer);
  length = 0;

  private reserve(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u8(v: number): void {
    this.reserve(1);
    this.buf[this.length++] = v;
  }

  u16(v: number): void {
    this.reserve(2);
    this.view.setUint16(this.length, v, true);
    this.length += 2;
  }

  u32(v: number): void {
    this.reserve(4);
    this.view.setUint32(this.length, v, true);
    this.length += 4;
  }

  f32s(values: Float32Array): void {
    this.reserve(4 * values.length);
    for (let i = 0; i < values.length; i++, this.length += 4) this.view.setFloat32(this.length, values[i], true);
  }

  bytes(data: Uint8Array): void {
    this.reserve(data.length);
    this.buf.set(data, this.length);
    this.length += data.length;
  }

  /** A length byte and the text; names are printable ASCII so no UTF-8 codec is needed. */
  shortAscii(text: string, what: string): void {
    if (text.length > 255 || !/^[\x20-\x7e]*$/.test(text)) {
      throw new Error(`The ${what} "${text}" must be at most 255 printable ASCII characters.`);
    }
    this.u8(text.length);
    for (let i = 0; i < text.length; i++) this.u8(text.charCodeAt(i));
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

export class ByteReader {
  pos = 0;
  private readonly view: DataView;

  constructor(readonly data: Uint8Array) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  get remaining(): number {
    return this.data.length - this.pos;
  }

  /** Throws unless `n` more bytes are there; call before allocating anything sized by input. */
  need(n: number, what: string): void {
    if (!(n <= this.remaining)) {
      throw new FormatError(`The file ends inside ${what}: it needs ${n} more bytes but only ${this.remaining} are left.`);
    }
  }

  u8(what: string): number {
    this.need(1, what);
    return this.data[this.pos++];
  }

  u16(what: string): number {
    this.need(2, what);
    const v = this.view.getUint16(this.pos, true);
    this.pos += 2;
    return v;
  }

  u32(what: string): number {
    this.need(4, what);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }

  /** `count` float32 values, all of which must be finite. */
  finiteF32s(count: number, what: string): Float32Array {
    this.need(4 * count, what);
    const out = new Float32Array(count);
    for (let i = 0; i < count; i++, this.pos += 4) {
      const v = this.view.getFloat32(this.pos, true);
      if (!Number.isFinite(v)) throw new FormatError(`The ${what} holds a value that is not a finite number.`);
      out[i] = v;
    }
    return out;
  }

  /** A view of the next `n` bytes (no copy). */
  take(n: number, what: string): Uint8Array {
    this.need(n, what);
    const out = this.data.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  shortAscii(what: string): string {
    const length = this.u8(`the length of the ${what}`);
    const raw = this.take(length, `the ${what}`);
    let text = '';
    for (let i = 0; i < raw.length; i++) {
      if (raw[i] < 0x20 || raw[i] > 0x7e) throw new FormatError(`The ${what} contains a byte that is not printable ASCII.`);
      text += String.fromCharCode(raw[i]);
    }
    return text;
  }
}
