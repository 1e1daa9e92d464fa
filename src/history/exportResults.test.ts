import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, exportBaseName, resultsCsv, resultsJson } from './exportResults';
import { resultsDocument } from './resultsSchema';
import { realisticRun, sampleRun } from './sampleRun';

/** A small CSV reader (quoted cells, doubled quotes) to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('results export', () => {
  it('writes one measurement per CSV row with a header', () => {
    const run = sampleRun('a', Date.UTC(2026, 10, 28, 9), { name: 'Adam, "fast"\nrun' });
    const rows = parseCsv(resultsCsv([run]));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const body = rows.slice(1).map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]])));
    expect(body.every((r) => r.run_name === 'Adam, "fast"\nrun' && r.finished === '2026-11-28T09:00:00.000Z')).toBe(true);
    expect(body.find((r) => r.metric === 'final_test_accuracy')?.value).toBe('0.966');
    expect(body.filter((r) => r.metric === 'train_loss').map((r) => [r.epoch, r.value])).toEqual([
      ['0.1', '0.9'],
      ['1', '0.2'],
    ]);
    const point = body.find((r) => r.metric === 'compressed_test_accuracy_global_magnitude');
    expect([point?.sparsity, point?.bits, point?.encoded_bytes, point?.value]).toEqual(['0.9', '4', '26371', '0.95']);
    // 3 finals + dense size + 5 curve points + 1 compression point
    expect(body).toHaveLength(10);
  });

  it('writes JSON with its format and version, and a name that says what is inside', () => {
    const doc = JSON.parse(resultsJson([sampleRun('a', 1)], new Date(Date.UTC(2026, 0, 2))));
    expect(doc).toMatchObject({ format: 'compression-playground-results', version: 2, exportedAt: '2026-01-02T00:00:00.000Z' });
    expect(doc.runs[0].id).toBe('a');
    expect(exportBaseName(2, new Date(Date.UTC(2026, 0, 2)))).toBe('playground-results-2026-01-02-2-runs');
  });

  it('writes the JSON a run at a time as JSON.stringify writes the whole document', () => {
    const at = new Date(Date.UTC(2026, 0, 2));
    const runs = [sampleRun('a', 1, { name: 'line\nbreak "quoted"' }), realisticRun(2, 3), sampleRun('c', 4)];
    for (const n of [0, 1, 3]) {
      expect(resultsJson(runs.slice(0, n), at)).toBe(`${JSON.stringify(resultsDocument(runs.slice(0, n), at), null, 1)}\n`);
    }
  });
});
