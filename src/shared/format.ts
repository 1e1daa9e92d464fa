// Number formatting shared by the store's messages and the components. Units are stated once:
// accuracy in percent, time in seconds, throughput in samples per second.

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 0.9781 -> "97.8%"; null -> an em dash. */
export function formatPercent(fraction: number | null | undefined, digits = 1): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  return `${(fraction * 100).toFixed(digits)}%`;
}

export function formatInteger(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return integer.format(Math.round(n));
}

export function formatLoss(loss: number | null | undefined): string {
  if (loss === null || loss === undefined || !Number.isFinite(loss)) return '—';
  if (loss < 0.001) return loss.toExponential(1);
  return loss.toFixed(loss < 0.01 ? 4 : loss < 1 ? 3 : 2);
}

/** 75 -> "1 min 15 s"; 4.2 -> "4.2 s". */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  return `${m} min ${String(s).padStart(2, '0')} s`;
}

/** 1.25 -> "1.25"; 1.5 -> "1.5"; 2 -> "2" (at most two decimals). */
export function formatEpoch(epoch: number): string {
  return String(Number(epoch.toFixed(2)));
}

export function formatLearningRate(lr: number): string {
  return lr >= 0.001 ? String(Number(lr.toPrecision(3))) : lr.toExponential(1);
}

/** Sizes are stated in kB, 1 kB = 1,000 bytes: 34_100 -> "34.1 kB", 1_066_440 -> "1,066 kB". */
export function formatKB(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '—';
  const kb = bytes / 1000;
  if (kb >= 1000) return `${integer.format(Math.round(kb))} kB`;
  return `${kb.toFixed(kb >= 100 ? 1 : kb >= 1 ? 1 : 2)} kB`;
}

/** Small byte counts in tables: "412 B" below 1 kB, else kB. */
export function formatBytes(bytes: number): string {
  return bytes < 1000 ? `${integer.format(bytes)} B` : formatKB(bytes);
}

/** 31.24 -> "31.2×"; 312.4 -> "312×". */
export function formatRatio(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${ratio >= 100 ? integer.format(Math.round(ratio)) : ratio.toFixed(1)}×`;
}
