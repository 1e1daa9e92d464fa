// The one table behind the share link. Each row names its key, how a link writes and reads the
// value (a valibot schema, which also says what is allowed), its default, its limits (also the
// inputs' min/max/step and the notes' sentences), and where it lives in the app store: a store
// key (`transferTask`) or a property of one (`spec.seed`). Encoding, decoding, the defaults,
// the store's link writes and the state a link opens are all derived from this table.
import * as v from 'valibot';
import { groupFields, partFields, row, type Field, type Row } from './field';
import { HIDEABLE_CONTROLS, hideKey } from './hideable';
import { SPEC_ROWS } from './specFields';
import { COMPRESS_ROWS } from './compressFields';
import { LOTTERY_ROWS } from './lotteryFields';
import { TRANSFER_ROWS } from './transferFields';
import { LINK_VIEWS, type LinkView } from './types';

export type { Field } from './field';

export const VIEW_ROWS = {
  view: row<LinkView>({ key: 'view', values: LINK_VIEWS, default: 'train', rule: LINK_VIEWS.join(', '), schema: v.picklist(LINK_VIEWS) }),
};

/** Classroom mode: `seed_hide=1` hides the Seed input (the seed itself stays as linked). A
 * control the link does not hide has no entry in `hiddenControls`. */
const HIDE_ROWS: Record<string, Row<true | undefined>> = Object.fromEntries(
  HIDEABLE_CONTROLS.map((c) => [
    c.key,
    row<true | undefined>({
      key: hideKey(c.key),
      values: [true],
      rule: '0 or 1',
      schema: v.pipe(v.picklist(['0', '1']), v.transform((s) => (s === '1' ? true : undefined))),
      show: (hidden) => (hidden ? '1' : '0'),
    }),
  ]),
);

/** Order matters: dataset first (it picks the defaults the others fall back to), then model;
 * a link lists its keys in this order. */
export const FIELDS: Field[] = [
  ...partFields(VIEW_ROWS),
  ...groupFields('spec', SPEC_ROWS),
  ...groupFields('compressUi', COMPRESS_ROWS),
  ...groupFields('lotteryUi', LOTTERY_ROWS),
  ...partFields(TRANSFER_ROWS),
  ...groupFields('hiddenControls', HIDE_ROWS),
];
