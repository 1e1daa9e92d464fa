// A drawing made to look like an MNIST digit before the model reads it, as LeCun, Cortes &
// Burges describe the set: the digit is scaled (aspect ratio kept, anti-aliased) to fit a 20x20
// box, then placed in the 28x28 field so that its centre of mass sits at the centre. Here the
// anti-aliasing is an area average of the pad's pixels (the set's own filter is not published),
// and the shift is rounded to whole pixels.

export const FIELD = 28;
export const BOX = 20;

export interface Gray {
  width: number;
  height: number;
  /** Ink per pixel, 0 (none) to 1, row-major. */
  values: Float32Array;
}

export interface BoundingBox {
  x0: number;
  y0: number;
  /** Exclusive. */
  x1: number;
  y1: number;
}

/** The smallest box holding every pixel with ink above `threshold`; null for a blank image. */
export function boundingBox(img: Gray, threshold = 0.02): BoundingBox | null {
  let x0 = img.width;
  let y0 = img.height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (img.values[y * img.width + x] <= threshold) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return x1 < 0 ? null : { x0, y0, x1: x1 + 1, y1: y1 + 1 };
}

/** Centre of mass in pixel coordinates (a pixel's centre is at i + 0.5); null without ink. */
export function centreOfMass(img: Gray): { x: number; y: number } | null {
  let mass = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const v = img.values[y * img.width + x];
      mass += v;
      sx += v * (x + 0.5);
      sy += v * (y + 0.5);
    }
  }
  return mass > 0 ? { x: sx / mass, y: sy / mass } : null;
}

/** Weights of an area resample of `from` source pixels (starting at `start`) onto `to` pixels:
 * each output pixel averages the source span it covers, fractions at the edges included. */
function areaWeights(start: number, from: number, to: number): { first: number; w: number[] }[] {
  const span = from / to;
  const rows: { first: number; w: number[] }[] = [];
  for (let i = 0; i < to; i++) {
    const a = i * span;
    const b = a + span;
    const first = Math.floor(a);
    const w: number[] = [];
    // Rounding can put b a hair past the last pixel: never read beyond the span.
    const end = Math.min(from, Math.ceil(b - 1e-9));
    for (let j = first; j < end; j++) w.push((Math.min(b, j + 1) - Math.max(a, j)) / span);
    rows.push({ first: start + first, w });
  }
  return rows;
}

/** The part of `img` inside `box`, resampled to width x height by area averaging. */
export function resampleBox(img: Gray, box: BoundingBox, width: number, height: number): Gray {
  const wx = areaWeights(box.x0, box.x1 - box.x0, width);
  const wy = areaWeights(box.y0, box.y1 - box.y0, height);
  const out = new Float32Array(width * height);
  for (let ty = 0; ty < height; ty++) {
    for (let tx = 0; tx < width; tx++) {
      let sum = 0;
      const cy = wy[ty];
      const cx = wx[tx];
      for (let j = 0; j < cy.w.length; j++) {
        const row = (cy.first + j) * img.width;
        for (let k = 0; k < cx.w.length; k++) sum += cy.w[j] * cx.w[k] * img.values[row + cx.first + k];
      }
      out[ty * width + tx] = Math.min(1, sum);
    }
  }
  return { width, height, values: out };
}

/** The drawing as a 28x28 MNIST-style input (0..1, row-major), or null when nothing is drawn. */
export function toMnistInput(img: Gray): Float32Array | null {
  const box = boundingBox(img);
  if (!box) return null;
  const bw = box.x1 - box.x0;
  const bh = box.y1 - box.y0;
  const scale = BOX / Math.max(bw, bh);
  const digit = resampleBox(img, box, Math.max(1, Math.round(bw * scale)), Math.max(1, Math.round(bh * scale)));
  const com = centreOfMass(digit) ?? { x: digit.width / 2, y: digit.height / 2 };
  // Shift so the centre of mass lands on the field's centre, kept inside the field.
  const ox = Math.min(FIELD - digit.width, Math.max(0, Math.round(FIELD / 2 - com.x)));
  const oy = Math.min(FIELD - digit.height, Math.max(0, Math.round(FIELD / 2 - com.y)));
  const field = new Float32Array(FIELD * FIELD);
  for (let y = 0; y < digit.height; y++) {
    for (let x = 0; x < digit.width; x++) field[(y + oy) * FIELD + x + ox] = digit.values[y * digit.width + x];
  }
  return field;
}
