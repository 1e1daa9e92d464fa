// Where the dense line's label ("Dense float32: 97.0%") goes: at the left or right end of the
// line, just above it or just below, wherever the fewest drawn points fall in the label's box,
// so an auto-compress path or a cloud of settings along the line does not run through the text.
// Never over the "now" ring; on a tie, above the line and away from the ring, as before.

/** Pixels the label takes along the line, and across it. */
export const LABEL_BOX = { width: 150, height: 16 } as const;

export interface LabelPlace {
  side: 'left' | 'right';
  above: boolean;
}

export function denseLabelPlace(
  frame: { left: number; right: number },
  lineY: number,
  points: ReadonlyArray<{ x: number; y: number }>,
  now: { x: number; y: number } | null,
): LabelPlace {
  const awayFromNow: LabelPlace['side'] = now !== null && now.x < (frame.left + frame.right) / 2 ? 'right' : 'left';
  const other: LabelPlace['side'] = awayFromNow === 'left' ? 'right' : 'left';
  const places: LabelPlace[] = [
    { side: awayFromNow, above: true },
    { side: other, above: true },
    { side: awayFromNow, above: false },
    { side: other, above: false },
  ];
  const box = ({ side, above }: LabelPlace) => {
    const x0 = side === 'left' ? frame.left : frame.right - LABEL_BOX.width;
    const y0 = above ? lineY - LABEL_BOX.height - 2 : lineY + 2;
    return { x0, x1: x0 + LABEL_BOX.width, y0, y1: y0 + LABEL_BOX.height };
  };
  const count = (p: LabelPlace) => {
    const b = box(p);
    const inside = (q: { x: number; y: number }, pad = 0) => q.x >= b.x0 - pad && q.x <= b.x1 + pad && q.y >= b.y0 - pad && q.y <= b.y1 + pad;
    // The ring (radius ~9) and its "now" word above it must stay clear.
    if (now && inside(now, 10)) return Infinity;
    return points.filter((q) => inside(q)).length;
  };
  return places.reduce((best, p) => (count(p) < count(best) ? p : best));
}
