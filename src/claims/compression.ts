// Figures of `npm run reproduce -- compression` (reports/compression.json).
import { dense, rows, wallSeconds } from '../../reports/compression.json';
import { fromReport, type Figures } from './figure';
import { num, pct } from './format';

export type CompressionRow = (typeof rows)[number];

export function compressionRow(id: string): CompressionRow {
  const row = rows.find((r) => r.id === id);
  if (!row) throw new Error(`reports/compression.json has no row "${id}".`);
  return row;
}

/** Largest change of test accuracy between consecutive epochs, from the third on (points). */
function epochSwing(): number {
  const acc = dense.byEpoch.map((e) => e.testAccuracy * 100);
  return Math.max(...acc.slice(3).map((a, i) => Math.abs(a - acc[i + 2])));
}

/** Points of test accuracy a pruned model must lose for the lesson to call it the cliff (a choice). */
const CLIFF_POINTS = 2;

/** The sparsity (in %) of the first no-retraining pruning row that loses more than CLIFF_POINTS. */
function cliff(): number {
  const pruned = rows.filter((r) => r.group === 'prune').sort((a, b) => a.sparsity - b.sparsity);
  const first = pruned.find((r) => (dense.testAccuracy - r.testAccuracy) * 100 > CLIFF_POINTS);
  if (!first) throw new Error(`reports/compression.json: no pruning row loses ${CLIFF_POINTS} points; rewrite the cliff claim.`);
  return first.sparsity * 100;
}

export function compressionFigures(): Figures {
  const r = compressionRow;
  const ratio = (id: string) => num(r(id).ratio);
  const bitsPerParam = (id: string) => num((r(id).encodedBytes * 8) / dense.params);
  const ft90 = r('ft-90').testAccuracy;
  return fromReport('reports/compression.json', {
    'compression.cliff': num(cliff(), 0),
    'compression.cliffPoints': num(CLIFF_POINTS, 0),
    'compression.params': num(dense.params, 0),
    'compression.denseBytes': num(dense.denseBytes, 0),
    'compression.dense': pct(dense.testAccuracy),
    'compression.selectedEpoch': num(dense.selectedEpoch, 0),
    'compression.wallSeconds': num(wallSeconds),
    'compression.epochSwing': num(epochSwing(), 2),
    'compression.q8.tensor.ratio': ratio('ptq-sym-tensor-8'),
    'compression.q8.channel.ratio': ratio('ptq-sym-channel-8'),
    'compression.q8.tensor.bits': bitsPerParam('ptq-sym-tensor-8'),
    'compression.q8.channel.bits': bitsPerParam('ptq-sym-channel-8'),
    'compression.ft90': pct(ft90),
    'compression.ft90.vsDense': ft90 > dense.testAccuracy ? 'above' : ft90 < dense.testAccuracy ? 'below' : 'level with',
    'compression.ft90q4.ratio': ratio('ft90-q4-tensor'),
    'compression.ft90q4': pct(r('ft90-q4-tensor').testAccuracy),
  });
}
