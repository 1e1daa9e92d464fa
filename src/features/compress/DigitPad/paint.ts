// Painting a 28x28 digit into a canvas: ink dark on the page's light surface, or (the model's
// view) white on black, as MNIST stores it.
import { FIELD } from './mnistPreprocess';

export const PAD_PIXELS = 280;
/** A stroke about 2 MNIST pixels wide once a digit of average height is fitted to 20x20. */
export const STROKE_WIDTH = 22;
export const INK = '#1f2937';

/** RGBA of a 28x28 image whose values are ink from 0 to `full` (1 for floats, 255 for bytes). */
export function digitRgba(values: ArrayLike<number>, full: number, inverse = false): Uint8ClampedArray<ArrayBuffer> {
  const rgba = new Uint8ClampedArray(FIELD * FIELD * 4);
  for (let i = 0; i < FIELD * FIELD; i++) {
    const ink = Math.min(1, Math.max(0, values[i] / full));
    const level = inverse ? 255 * ink : 255 - 224 * ink;
    rgba[4 * i] = rgba[4 * i + 1] = rgba[4 * i + 2] = level;
    rgba[4 * i + 3] = 255;
  }
  return rgba;
}

/** Draws a 28x28 image into `canvas` at its own size (CSS scales it, pixels kept sharp). */
export function paintDigit(canvas: HTMLCanvasElement | null, values: ArrayLike<number>, full: number, inverse = false): void {
  const ctx = canvas?.getContext('2d');
  if (!ctx) return;
  ctx.putImageData(new ImageData(digitRgba(values, full, inverse), FIELD, FIELD), 0, 0);
}

/** The pad's 2-D context. Every use asks for willReadFrequently (the first call fixes it), so the
 * pad lives in memory the pre-processing reads without a GPU readback. */
export function padContext(canvas: HTMLCanvasElement | null): CanvasRenderingContext2D | null {
  return canvas?.getContext('2d', { willReadFrequently: true }) ?? null;
}

/** A test image shown on the pad: its 28x28 pixels drawn large, as transparent ink (the pad
 * reads alpha as ink, so the picture and what is read agree). */
export function paintOnPad(canvas: HTMLCanvasElement, values: ArrayLike<number>): void {
  const ctx = padContext(canvas);
  if (!ctx) return;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const cell = canvas.width / FIELD;
  ctx.fillStyle = INK;
  for (let i = 0; i < FIELD * FIELD; i++) {
    if (values[i] <= 0) continue;
    ctx.globalAlpha = Math.min(1, values[i]);
    ctx.fillRect((i % FIELD) * cell, Math.floor(i / FIELD) * cell, cell, cell);
  }
  ctx.globalAlpha = 1;
}

/** Ink per pad pixel (its alpha), for the pre-processing. */
export function padInk(canvas: HTMLCanvasElement): { width: number; height: number; values: Float32Array } | null {
  const ctx = padContext(canvas);
  if (!ctx) return null;
  const { width, height } = canvas;
  const data = ctx.getImageData(0, 0, width, height).data;
  const values = new Float32Array(width * height);
  for (let i = 0; i < values.length; i++) values[i] = data[4 * i + 3] / 255;
  return { width, height, values };
}
