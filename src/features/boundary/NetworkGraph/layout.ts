// Where the nodes and links of the network graph go. Pure, so the component only draws.
import type { GridKernel } from '../../../worker/decision-grid';

export interface GraphNode {
  key: string;
  x: number;
  y: number;
  r: number;
}

export interface GraphLink {
  key: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  weight: number;
  width: number;
}

const PAD_X = 26;
const PAD_TOP = 12;
/** Room at the bottom for the layer names. */
const PAD_BOTTOM = 24;
const MAX_LINK_WIDTH = 4.5;
const MIN_LINK_WIDTH = 0.35;

function layerName(index: number, count: number, units: number): string {
  if (index === 0) return 'input x, y';
  if (index === count - 1) return `output (${units})`;
  return `hidden ${index} (${units})`;
}

export function linkCounts(kernels: GridKernel[]): { kept: number; total: number } {
  let kept = 0;
  let total = 0;
  for (const k of kernels) {
    total += k.values.length;
    for (const w of k.values) if (w !== 0) kept++;
  }
  return { kept, total };
}

export function graphLayout(kernels: GridKernel[], width: number, height: number) {
  const sizes = kernels.length > 0 ? [kernels[0].shape[0], ...kernels.map((k) => k.shape[1])] : [];
  const inner = height - PAD_TOP - PAD_BOTTOM;
  const columnX = (l: number) => PAD_X + (l * (width - 2 * PAD_X)) / Math.max(1, sizes.length - 1);
  const positions = sizes.map((n) => {
    const gap = n > 1 ? Math.min(28, inner / (n - 1)) : 0;
    const top = PAD_TOP + (inner - gap * (n - 1)) / 2;
    return Array.from({ length: n }, (_, j) => top + j * gap);
  });
  const radius = (n: number) => Math.max(2, Math.min(7, inner / n / 2.4));
  const nodes: GraphNode[] = positions.flatMap((ys, l) => ys.map((y, j) => ({ key: `${l}-${j}`, x: columnX(l), y, r: radius(ys.length) })));

  // One scale for the whole network, as global magnitude pruning sees it.
  let maxAbs = 0;
  for (const k of kernels) for (const w of k.values) maxAbs = Math.max(maxAbs, Math.abs(w));
  const links: GraphLink[] = [];
  kernels.forEach((k, l) => {
    const [inputs, outputs] = k.shape;
    for (let i = 0; i < inputs; i++) {
      for (let j = 0; j < outputs; j++) {
        const weight = k.values[i * outputs + j];
        if (weight === 0) continue;
        links.push({
          key: `${l}-${i}-${j}`,
          x1: columnX(l),
          y1: positions[l][i],
          x2: columnX(l + 1),
          y2: positions[l + 1][j],
          weight,
          width: MIN_LINK_WIDTH + (MAX_LINK_WIDTH - MIN_LINK_WIDTH) * (Math.abs(weight) / (maxAbs || 1)),
        });
      }
    }
  });
  const labels = sizes.map((n, l) => ({ x: columnX(l), text: layerName(l, sizes.length, n) }));
  return { nodes, links, labels };
}
