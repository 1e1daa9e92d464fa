// Text that goes into an exported SVG file. Run names come from people and from imported files:
// cut with `.slice(0, 48)` an emoji lost half of its surrogate pair and `encodeURIComponent`
// threw on the lone half; a control character (U+0007 from an imported name) made the SVG
// invalid XML, which no image decoder opens. Names are cut between graphemes (Intl.Segmenter),
// and what XML 1.0 cannot hold is dropped.

/** Whether XML 1.0 allows this UTF-16 code unit on its own: not C0 controls (but tab, LF and CR),
 * not U+FFFE or U+FFFF. Surrogates are judged in pairs below. */
const xmlUnit = (c: number) => (c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) && c !== 0xfffe && c !== 0xffff;

/** `text` without the characters an XML file cannot hold: those above, and unpaired surrogates
 * (a well-formed string has none; `encodeURIComponent` throws on them). */
export function xmlSafe(text: string): string {
  // Copied in runs between the units dropped, so a long SVG with none is returned as it is.
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let ok: boolean;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      ok = next >= 0xdc00 && next <= 0xdfff;
      if (ok) i++; // the pair stays whole
    } else ok = (c < 0xdc00 || c > 0xdfff) && xmlUnit(c);
    if (!ok) {
      out += text.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** At most `max` graphemes of `text` (whole emoji, letters with their accents), with "…" in
 * place of the last one when it was longer. */
export function cutGraphemes(text: string, max: number): string {
  const kept: string[] = [];
  for (const { segment } of graphemes.segment(text)) {
    if (kept.length === max) {
      kept[max - 1] = '…';
      return kept.join('');
    }
    kept.push(segment);
  }
  return kept.join('');
}

/** A label for the SVG: XML-safe, then cut to `max` graphemes. */
export const svgLabel = (text: string, max: number) => cutGraphemes(xmlSafe(text), max);

/** As svgLabel, and cut further (a grapheme at a time, "…" at the end) until `measure` says it
 * is at most `width` wide: emoji and wide scripts take two or more character widths. */
export function fitLabel(text: string, maxGraphemes: number, width: number, measure: (s: string) => number): string {
  const parts = [...graphemes.segment(svgLabel(text, maxGraphemes))].map((g) => g.segment);
  if (measure(parts.join('')) <= width) return parts.join('');
  // The longest prefix that fits with its ellipsis, by halving (a measure is a layout call).
  let lo = 0;
  let hi = parts.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${parts.slice(0, mid).join('')}…`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${parts.slice(0, lo).join('')}…`;
}
