// Pure drawing helpers for the decision-boundary picture: colours, the grid's fingerprint, and
// the class shares the text alternative reads out.
import { CLASS_STYLES } from './classStyles';

type Rgb = [number, number, number];

function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const CLASS_RGB: [Rgb, Rgb] = [hexToRgb(CLASS_STYLES[0].color), hexToRgb(CLASS_STYLES[1].color)];

/** RGBA pixels, one per cell: the predicted class's hue, paler where the model is unsure, so
 * the boundary shows as the pale band between the two hues. */
export function heatmapPixels(probabilities: Float32Array, background: Rgb): Uint8ClampedArray<ArrayBuffer> {
  const pixels = new Uint8ClampedArray(new ArrayBuffer(probabilities.length * 4));
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i];
    const rgb = CLASS_RGB[p >= 0.5 ? 1 : 0];
    const confidence = Math.abs(p - 0.5) * 2;
    const mix = 0.12 + 0.6 * confidence;
    for (let c = 0; c < 3; c++) pixels[4 * i + c] = Math.round(background[c] * (1 - mix) + rgb[c] * mix);
    pixels[4 * i + 3] = 255;
  }
  return pixels;
}

/** FNV-1a over the probabilities rounded to 1/1000: equal pictures, equal fingerprints (tests
 * compare them instead of pixels). */
export function gridFingerprint(probabilities: Float32Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < probabilities.length; i++) {
    const q = Math.round(probabilities[i] * 1000);
    h = Math.imul(h ^ (q & 255), 0x01000193);
    h = Math.imul(h ^ (q >> 8), 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Share of the plane predicted as class 1. */
export function classOneShare(probabilities: Float32Array): number {
  let n = 0;
  for (const p of probabilities) if (p >= 0.5) n++;
  return probabilities.length === 0 ? 0 : n / probabilities.length;
}

export function parseCssColor(value: string, fallback: Rgb): Rgb {
  const hex = /^#([0-9a-f]{6})$/i.exec(value.trim());
  if (hex) return hexToRgb(`#${hex[1]}`);
  const rgb = /rgba?\((\d+)[ ,]+(\d+)[ ,]+(\d+)/.exec(value);
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : fallback;
}
