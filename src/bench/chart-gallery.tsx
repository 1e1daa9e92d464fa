// Every chart of the page on one sheet, drawn by the real components from synthetic but
// realistic data (no training): `node scripts/chart-gallery.mjs` screenshots it at desktop and
// phone widths so a change to the shared chart frame can be checked picture by picture.
import { createRoot } from 'react-dom/client';
import { appendPoints, EMPTY_SERIES, type Point } from '../shared/charts/series';
import { useAppStore } from '../store';
import { LossChart, AccuracyChart } from '../features/train/liveCharts';
import { FrontierChart } from '../features/compress/FrontierChart';
import { WeightHistogram } from '../features/compress/WeightHistogram';
import { LotteryChart } from '../features/lottery/LotteryChart';
import { LotteryDetails } from '../features/lottery/LotteryDetails';
import { LotteryCurves } from '../features/lottery/LotteryCurves';
import { TransferChart } from '../features/transfer/TransferChart';
import { HistoryCompare } from '../features/history/HistoryCompare';
import { realisticRun } from '../history/sampleRun';
import { summarize } from '../history/summary';
import { labPoint } from '../features/compress/shown';
import { syntheticPoint, DENSE_BYTES } from './frontier-load';
import { galleryLayer, galleryRounds, galleryTransfer } from './gallery-data';
import '../app/styles/global.css';

const curve = (n: number, epochs: number, at: (t: number) => number): Point[] =>
  Array.from({ length: n }, (_, k) => ({ epoch: ((k + 1) * epochs) / n, value: at((k + 1) / n) + Math.sin(k * 1.7) * 0.01 * at(1) }));

function seedStore() {
  const history = {
    loss: appendPoints(EMPTY_SERIES, curve(300, 3, (t) => 0.07 + 0.9 * Math.exp(-7 * t))),
    trainAccuracy: appendPoints(EMPTY_SERIES, curve(300, 3, (t) => 99 - 25 * Math.exp(-7 * t))),
    validationLoss: appendPoints(EMPTY_SERIES, curve(15, 3, (t) => 0.08 + 0.5 * Math.exp(-5 * t))),
    validationAccuracy: appendPoints(EMPTY_SERIES, curve(15, 3, (t) => 98 - 6 * Math.exp(-5 * t))),
    testAccuracy: appendPoints(EMPTY_SERIES, curve(15, 3, (t) => 97.8 - 6 * Math.exp(-5 * t))),
  };
  const points = Array.from({ length: 48 }, (_, i) => labPoint(syntheticPoint(i, 48), 0));
  const runs = [realisticRun(1, 1_764_000_000_000), realisticRun(2, 1_764_000_100_000), realisticRun(3, 1_764_000_200_000)];
  useAppStore.setState({
    history,
    runSpec: null,
    spec: { ...useAppStore.getState().spec, epochs: 3 },
    points,
    current: points[30],
    baseline: { modelId: 'lenet_300_100', modelLabel: 'LeNet-300-100', reference: 'dense model', denseBytes: DENSE_BYTES, denseMacs: 266_200, accuracy: 0.98, testCount: 10_000, sparsity: 0, firstKernelShape: [784, 300] },
    baselineStatus: 'ready',
    labModelId: 0,
    lotteryRunRequest: null,
    lotteryRounds: galleryRounds(),
    historyRuns: runs.map(summarize),
    historySelection: runs.map((r) => r.id),
    historyRecords: async (ids: readonly string[]) => runs.filter((r) => ids.includes(r.id)),
  });
}

function Section({ title, wide, children }: { title: string; wide?: boolean; children: React.ReactNode }) {
  return (
    <section style={wide ? WIDE : CELL} data-chart={title}>
      {children}
    </section>
  );
}

function Gallery() {
  const transfer = galleryTransfer();
  return (
    <main style={SHEET}>
      <Section title="loss">
        <LossChart />
      </Section>
      <Section title="accuracy">
        <AccuracyChart />
      </Section>
      <Section title="frontier" wide>
        <FrontierChart />
      </Section>
      <Section title="histogram">
        <WeightHistogram layer={galleryLayer()} captionId="gallery-histogram" />
      </Section>
      <Section title="transfer-labels">
        <TransferChart title="Accuracy vs labelled examples" unit="digits 5-9, test set" xLabel="Labelled examples (log scale)" results={transfer} x={(r) => r.labeled} formatX={(v) => v.toLocaleString('en-US')} />
      </Section>
      <Section title="lottery" wide>
        <LotteryChart />
      </Section>
      <Section title="lottery-details" wide>
        <LotteryDetails />
      </Section>
      <Section title="lottery-curves" wide>
        <LotteryCurves />
      </Section>
      <Section title="history" wide>
        <HistoryCompare />
      </Section>
    </main>
  );
}

// Styles through the CSSOM (style props): the build's Content-Security-Policy refuses a <style>.
const SHEET: React.CSSProperties = { display: 'flex', flexWrap: 'wrap', gap: 16, padding: 16, maxWidth: 1240, boxSizing: 'border-box' };
const CELL = { flex: '1 1 340px', maxWidth: 600, minWidth: 0, display: 'flex', flexDirection: 'column', '--chart-height': '240px' } as React.CSSProperties;
const WIDE: React.CSSProperties = { ...CELL, flexBasis: '100%', maxWidth: 'none' };

/** Mounts the sheet; resolves once the staggered charts have drawn their first beat. */
export function mountChartGallery(): Promise<void> {
  seedStore();
  document.body.replaceChildren();
  const host = document.createElement('div');
  document.body.append(host);
  createRoot(host).render(<Gallery />);
  return new Promise((resolve) => setTimeout(resolve, 1500));
}
