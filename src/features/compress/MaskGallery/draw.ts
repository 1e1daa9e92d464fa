// Paints mask pictures into ImageData: one cell per unit, kept inputs blue, pruned ones a faint
// grey, the gaps between cells transparent so the card shows through in light and dark themes.
import type { MaskGallery } from '../../../worker/compression-protocol';

const KEPT = [0, 114, 178, 255] as const; // Okabe-Ito blue, as the histogram's survivors
const PRUNED = [128, 128, 128, 40] as const;

export const GALLERY_COLUMNS = 8;

export function gridSize(g: MaskGallery): { width: number; height: number } {
  const columns = Math.min(GALLERY_COLUMNS, g.shown);
  const rows = Math.ceil(g.shown / columns);
  return { width: columns * (g.width + 1) - 1, height: rows * (g.height + 1) - 1 };
}

/** RGBA bytes of the unit grid, `gridSize(g)` pixels. */
export function paintUnits(g: MaskGallery): Uint8ClampedArray<ArrayBuffer> {
  const { width } = gridSize(g);
  const { height } = gridSize(g);
  const rgba = new Uint8ClampedArray(width * height * 4);
  const columns = Math.min(GALLERY_COLUMNS, g.shown);
  const pixels = g.width * g.height;
  for (let u = 0; u < g.shown; u++) {
    const ox = (u % columns) * (g.width + 1);
    const oy = Math.floor(u / columns) * (g.height + 1);
    for (let p = 0; p < pixels; p++) {
      const colour = g.masks[u * pixels + p] ? KEPT : PRUNED;
      const at = ((oy + Math.floor(p / g.width)) * width + ox + (p % g.width)) * 4;
      rgba.set(colour, at);
    }
  }
  return rgba;
}

/** The most units any one pixel still feeds: the top of the count map's scale. */
export function busiest(g: MaskGallery): number {
  let most = 0;
  for (let p = 0; p < g.keptPerPixel.length; p++) most = Math.max(most, g.keptPerPixel[p]);
  return most;
}

/** RGBA bytes of the per-pixel count: more units keeping a pixel, a more opaque blue, scaled to
 * the busiest pixel so a sparse layer's map does not fade to nothing. */
export function paintCounts(g: MaskGallery): Uint8ClampedArray<ArrayBuffer> {
  const pixels = g.width * g.height;
  const rgba = new Uint8ClampedArray(pixels * 4);
  const top = busiest(g);
  for (let p = 0; p < pixels; p++) {
    const share = top > 0 ? g.keptPerPixel[p] / top : 0;
    rgba.set([KEPT[0], KEPT[1], KEPT[2], share > 0 ? Math.max(24, Math.round(255 * share)) : 0], p * 4);
  }
  return rgba;
}

/** One sentence for screen readers and for anyone reading rather than looking. */
export function describeGallery(g: MaskGallery): string {
  const pixels = g.width * g.height;
  let unused = 0;
  let most = 0;
  let all = 0;
  for (let p = 0; p < pixels; p++) {
    const k = g.keptPerPixel[p];
    if (k === 0) unused++;
    if (k === g.units) all++;
    most = Math.max(most, k);
  }
  const what = g.width === 28 ? 'pixels' : 'kernel taps';
  if (all === pixels) return `Every one of the ${g.units} units of ${g.layer} still reads all ${pixels} ${what}: this layer is not pruned.`;
  return `Of the ${pixels} input ${what}, ${pixels - unused} still feed at least one of the ${g.units} units of ${g.layer} and ${unused} feed none; the busiest feeds ${most}.`;
}
