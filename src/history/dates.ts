// A run's date as the History shows and exports it. Dates come from storage and imported files,
// so they are formatted defensively: `new Date(8640000000000001)` is an Invalid Date, on which
// `toISOString` and Intl's `format` throw a RangeError (that once replaced the whole page).

/** The last millisecond of 31 December 9999: later dates have years of five digits or more,
 * which ISO 8601 and most spreadsheets do not read. The results schema accepts up to this. */
export const MAX_RUN_TIME_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export const isRunTime = (ms: unknown): ms is number => typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 && ms <= MAX_RUN_TIME_MS;

/** "2026-11-28T09:00:00.000Z", or '' for a time that is no date. */
export function isoTime(ms: unknown): string {
  return isRunTime(ms) ? new Date(ms).toISOString() : '';
}

const WHEN = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** "28 Nov 2026, 09:00" in the reader's time zone, or "unknown date". */
export function runDateText(ms: unknown, format: Intl.DateTimeFormat = WHEN): string {
  if (!isRunTime(ms)) return 'unknown date';
  try {
    return format.format(ms);
  } catch {
    return 'unknown date';
  }
}
