// Figures of `npm run reproduce -- ondevice` (reports/ondevice.json): LeNet-300-100 and LeNet-5
// at 50-99% + 4 bits, timed as dense float32 through tfjs and as the compressed model through our
// WebAssembly kernel that reads the encoded layout, one image at a time and 100 at a time.
import { rows } from '../../reports/ondevice.json';
import { fromReport, type Figures } from './figure';
import { num } from './format';

type Way = 'tfjs dense' | 'kernel dense' | 'kernel compressed';

function row(model: string, sparsity: number) {
  const found = rows.find((r) => r.model === model && r.sparsity === sparsity && r.bits === 4);
  if (!found) throw new Error(`reports/ondevice.json has no ${model} row at ${sparsity * 100}% + 4 bits.`);
  return found;
}

function median(model: string, sparsity: number, way: Way, batch: number): number {
  const s = row(model, sparsity).speed.find((x) => x.way === way && x.batch === batch);
  if (!s) throw new Error(`reports/ondevice.json: no ${way} at batch ${batch} for ${model} ${sparsity * 100}%.`);
  return s.median;
}

/** How many times faster the compressed kernel ran than dense float32 through tfjs. */
export function speedUp(model: string, sparsity: number, batch: number): number {
  return median(model, sparsity, 'tfjs dense', batch) / median(model, sparsity, 'kernel compressed', batch);
}

export function ondeviceFigures(): Figures {
  const mlp = 'lenet_300_100';
  return fromReport('reports/ondevice.json', {
    'ondevice.s90.batch1': num(speedUp(mlp, 0.9, 1)),
    'ondevice.s90.batch100': num(speedUp(mlp, 0.9, 100)),
    'ondevice.s50.batch1': num(speedUp(mlp, 0.5, 1)),
    'ondevice.s90.keptMacs': num(row(mlp, 0.9).keptMacs, 0),
    'ondevice.denseMacs': num(row(mlp, 0.9).denseMacs, 0),
    'ondevice.lenet5.s90.batch1': num(speedUp('lenet5', 0.9, 1)),
    'ondevice.lenet5.s90.batch100': num(speedUp('lenet5', 0.9, 100)),
  });
}
