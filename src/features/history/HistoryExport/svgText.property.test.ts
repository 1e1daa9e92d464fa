// Labels of the exported chart (issue 16, item 5).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutGraphemes, fitLabel, svgLabel, xmlSafe } from './svgText';

/** Any UTF-16 string, lone surrogates and control characters included. */
const anyUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 80 });
const emojiHeavy = fc.string({ unit: fc.constantFrom('x', '😀', '👨‍👩‍👧‍👦', 'é', 'e\u0301', '\u0007', '\ud800', ' '), maxLength: 80 });
const XML_CHAR = /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;

describe('SVG labels', () => {
  it('are valid XML text and URI-encodable, whatever the name', () => {
    fc.assert(
      fc.property(fc.oneof(anyUnits, emojiHeavy), fc.integer({ min: 1, max: 60 }), (name, max) => {
        const label = svgLabel(name, max);
        expect(label).toMatch(XML_CHAR);
        expect(() => encodeURIComponent(label)).not.toThrow();
        expect([...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(label)].length).toBeLessThanOrEqual(max);
      }),
      { numRuns: 2000 },
    );
  });

  it('cut between graphemes, never inside an emoji', () => {
    const name = `${'x'.repeat(47)}😀 tail`;
    expect(() => encodeURIComponent(name.slice(0, 48))).toThrow(URIError); // what the old cut did
    expect(cutGraphemes(name, 48)).toBe(`${'x'.repeat(47)}…`);
    expect(cutGraphemes(name, 49)).toBe(`${'x'.repeat(47)}😀…`);
    expect(cutGraphemes('👨‍👩‍👧‍👦👨‍👩‍👧‍👦', 1)).toBe('…');
    expect(cutGraphemes('👨‍👩‍👧‍👦', 1)).toBe('👨‍👩‍👧‍👦');
    expect(cutGraphemes('short', 48)).toBe('short');
  });

  it('fit a width by a measure, between graphemes', () => {
    // A stand-in measure: letters 7 px, anything else (emoji) 14 px.
    const measure = (s: string) => [...s].reduce((w, c) => w + (/^[\x20-\x7e…]$/.test(c) ? 7 : 14), 0);
    expect(fitLabel('short', 48, 100, measure)).toBe('short');
    const fitted = fitLabel(`x${'😀'.repeat(60)}`, 48, 100, measure);
    expect(fitted).toBe(`x${'😀'.repeat(6)}…`);
    expect(measure(fitted)).toBeLessThanOrEqual(100);
    fc.assert(
      fc.property(emojiHeavy, fc.integer({ min: 10, max: 400 }), (name, width) => {
        const label = fitLabel(name, 48, width, measure);
        expect(label).toMatch(XML_CHAR);
        expect(measure(label)).toBeLessThanOrEqual(Math.max(width, 7));
      }),
      { numRuns: 500 },
    );
  });

  it('drop control characters and lone surrogates, keep the rest', () => {
    expect(xmlSafe('bell\u0007 nul\u0000 tab\t ok')).toBe('bell nul tab\t ok');
    expect(xmlSafe('lone \ud800 pair 😀 \udc00')).toBe('lone  pair 😀 ');
  });
});
