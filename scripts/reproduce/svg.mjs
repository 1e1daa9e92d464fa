// A hand-written SVG line chart: test accuracy against % of weights remaining on a log axis that
// runs from 100% down (as in the Lottery Ticket paper's figures), one line per series, the
// legend to the right of the plot so no line can hide under it. No libraries: it is a few
// dozen <path> and <text> elements.

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fmt = (v) => (Math.round(v * 100) / 100).toString();

/** Round tick steps of about `count` ticks over [lo, hi]. */
function ticks(lo, hi, count) {
  const raw = (hi - lo) / count;
  const step = [0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 20].find((s) => s >= raw) ?? 50;
  // Counted, at most 100: a loop stepped until past `hi` never ends on a non-finite `hi`.
  const first = Math.ceil(lo / step) * step;
  const n = Number.isFinite(first) && Number.isFinite(hi) ? Math.max(0, Math.min(100, Math.floor((hi + 1e-9 - first) / step) + 1)) : 0;
  return Array.from({ length: n }, (_, i) => +(first + i * step).toFixed(6));
}

/**
 * series: [{ name, color, points: [{ x, y }], dash?: string, marker?: boolean }]
 * x in percent remaining (log scale, decreasing to the right), y in percent accuracy.
 */
export function accuracyChartSvg({ title, subtitle, series, xLabel, yLabel }) {
  const W = 880;
  const H = 500;
  const M = { left: 70, right: 250, top: 62, bottom: 60 };
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = series.flatMap((s) => s.points.map((p) => p.y));
  const xMax = 100;
  const xMin = Math.min(...xs) / 1.25;
  const yMin = Math.floor((Math.min(...ys) - 0.2) * 2) / 2;
  const yMax = Math.ceil((Math.max(...ys) + 0.2) * 2) / 2;
  const px = (x) => M.left + ((Math.log(xMax) - Math.log(x)) / (Math.log(xMax) - Math.log(xMin))) * pw;
  const py = (y) => M.top + ((yMax - y) / (yMax - yMin)) * ph;

  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(`<text x="${M.left}" y="24" font-size="16" font-weight="bold">${esc(title)}</text>`);
  if (subtitle) out.push(`<text x="${M.left}" y="44" fill="#555555">${esc(subtitle)}</text>`);

  // Grid and ticks: percent remaining at 1-2-5 steps, accuracy at round steps.
  const xTicks = [100, 50, 20, 10, 5, 2, 1, 0.5, 0.2, 0.1].filter((t) => t >= xMin && t <= xMax);
  for (const t of xTicks) {
    const x = fmt(px(t));
    out.push(`<line x1="${x}" y1="${M.top}" x2="${x}" y2="${M.top + ph}" stroke="#e6e6e6"/>`);
    out.push(`<text x="${x}" y="${M.top + ph + 18}" text-anchor="middle">${t}</text>`);
  }
  for (const t of ticks(yMin, yMax, 8)) {
    const y = fmt(py(t));
    out.push(`<line x1="${M.left}" y1="${y}" x2="${M.left + pw}" y2="${y}" stroke="#e6e6e6"/>`);
    out.push(`<text x="${M.left - 8}" y="${y}" text-anchor="end" dominant-baseline="middle">${t}</text>`);
  }
  out.push(`<rect x="${M.left}" y="${M.top}" width="${pw}" height="${ph}" fill="none" stroke="#333333"/>`);
  out.push(`<text x="${M.left + pw / 2}" y="${H - 16}" text-anchor="middle" font-size="13">${esc(xLabel)}</text>`);
  out.push(
    `<text transform="translate(20 ${M.top + ph / 2}) rotate(-90)" text-anchor="middle" font-size="13">${esc(yLabel)}</text>`,
  );

  // Lines and markers.
  for (const s of series) {
    const pts = s.points.slice().sort((a, b) => b.x - a.x);
    if (pts.length === 0) continue;
    const d = pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${fmt(px(p.x))},${fmt(py(p.y))}`).join(' ');
    const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : '';
    out.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="${s.width ?? 2}"${dash}/>`);
    if (s.marker !== false) {
      for (const p of pts) out.push(`<circle cx="${fmt(px(p.x))}" cy="${fmt(py(p.y))}" r="3" fill="${s.color}"/>`);
    }
  }

  // Legend, outside the plot.
  const lx = M.left + pw + 20;
  out.push(`<text x="${lx}" y="${M.top + 4}" font-weight="bold">Series</text>`);
  series.forEach((s, i) => {
    const y = M.top + 26 + i * 22;
    const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : '';
    out.push(`<line x1="${lx}" y1="${y}" x2="${lx + 26}" y2="${y}" stroke="${s.color}" stroke-width="${s.width ?? 2}"${dash}/>`);
    if (s.marker !== false) out.push(`<circle cx="${lx + 13}" cy="${y}" r="3" fill="${s.color}"/>`);
    out.push(`<text x="${lx + 34}" y="${y}" dominant-baseline="middle">${esc(s.name)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
