// Link versions. Version 1 is the first; a link without `v` is read as version 1. A link from a
// newer playground is read for the settings this one knows. When version 2 renames or changes
// a key, its migration from 1 goes here, so old links keep opening the same experiment.
/** The version this playground writes. */
export const LINK_VERSION = 1;

type Migration = (params: Map<string, string>) => void;

/** MIGRATIONS[n] turns a version-n link into version n + 1. */
const MIGRATIONS: Record<number, Migration> = {};

export function migrate(params: Map<string, string>, notes: string[]): void {
  const raw = params.get('v');
  params.delete('v');
  if (raw === undefined) return;
  const version = /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(version) || version < 1) {
    notes.push(`Ignored v=${raw.slice(0, 12)}: a link version is a whole number from 1; reading it as version ${LINK_VERSION}.`);
    return;
  }
  if (version > LINK_VERSION) {
    notes.push(`This link comes from a newer version of the playground (v=${version}); the settings this version knows were read, the rest ignored.`);
    return;
  }
  for (let from = version; from < LINK_VERSION; from++) MIGRATIONS[from]?.(params);
}
