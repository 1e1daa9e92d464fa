// Where the size-vs-accuracy chart's accuracy axis starts, and what its zoom chip offers.

const AUTO_FLOOR = 90;

export interface AccuracyFloors {
  /** Unzoomed: 90% while every point is above 91%, else a multiple of 10 under the lowest, so
   * every point is drawn. */
  auto: number;
  /** What "Zoom to ...–100%" offers, or null when it would not change the view. Once some
   * points collapsed: 3 points under the dense model rounded down to 5 (those below are
   * counted under the axis). While none did: half a point under the lowest, so a path within a
   * fraction of a point of the dense model (an auto-compress search's) fills the chart. */
  zoom: number | null;
}

/** `accuracies` in percent: every point drawn, the current one, the dense model's. */
export function accuracyFloors(accuracies: readonly number[], denseAccuracy: number): AccuracyFloors {
  const finite = accuracies.filter(Number.isFinite);
  const min = finite.length ? Math.min(...finite) : 100;
  const auto = min >= AUTO_FLOOR + 1 ? AUTO_FLOOR : Math.max(0, Math.floor((min - 1) / 10) * 10);
  const zoom = auto < AUTO_FLOOR ? Math.min(AUTO_FLOOR, Math.floor((denseAccuracy - 3) / 5) * 5) : Math.min(98, Math.floor(min - 0.5));
  return { auto, zoom: zoom > auto ? zoom : null };
}
