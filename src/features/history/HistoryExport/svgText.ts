// Text that goes into an exported SVG file. Run names come from people and from imported files:
// cut with `.slice(0, 48)` an emoji lost half of its surrogate pair and `encodeURIComponent`
// threw on the lone half; a control character (U+0007 from an imported name) made the SVG
// invalid XML, which no image decoder opens. Names are cut between graphemes (Intl.Segmenter),
// and what XML 1.0 cannot hold is dropped.

/** Characters XML 1.0 forbids anywhere (C0 controls but tab, LF and CR; U+FFFE, U+FFFF), and
 * unpaired surrogates (a well-formed string has none; `encodeURIComponent` throws on them). */
const NOT_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` without the characters an XML file cannot hold. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
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
