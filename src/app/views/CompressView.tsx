// The Compress view: controls | the size-vs-accuracy picture and a look inside | the numbers.
// Before a model exists the middle says so and offers to train one; the controls wait, inert.
import { useAppStore } from '../../store';
import { CompressControls } from '../../features/compress/CompressControls';
import { CompressEmptyState } from '../../features/compress/CompressEmptyState';
import { CompressBoundaryPanel, isToyDataset } from '../../features/boundary/DecisionBoundary/panels';
import { CompressDetails, CompressHeadline } from '../../features/compress/CompressResult';
import { DownloadModel } from '../../features/compress/DownloadModel';
import { FrontierChart } from '../../features/compress/FrontierChart';
import { LayerTable } from '../../features/compress/LayerTable';
import { LookInside } from '../../features/compress/LookInside';
import { SpeedCard } from '../../features/compress/SpeedCard';
import { DigitPad } from '../../features/compress/DigitPad';
import { SweepBar } from '../../features/compress/SweepBar';
import { FineTuneBar } from '../../features/compress/FineTuneBar';
import { AutoCompressBar } from '../../features/compress/AutoCompressBar';
import { ProgressBar } from '../../features/train/ProgressBar';
import { StatusRegion } from '../../features/train/StatusRegion';
import './CompressView.css';

function CompressError() {
  const error = useAppStore((s) => s.compressError);
  return (
    <div role="alert" className="compress-view__alert">
      {error ? <p className="compress-view__error">{error} Your settings are kept; move a slider to try again.</p> : null}
    </div>
  );
}

export function CompressView() {
  const ready = useAppStore((s) => s.baselineStatus === 'ready');
  const toy = useAppStore((s) => isToyDataset(s.runSpec?.dataset));
  return (
    <main className={`workspace workspace--compress${ready ? '' : ' workspace--compress-empty'}`} id="view-compress" role="tabpanel" aria-labelledby="tab-compress">
      {/* Before training the controls are disabled, so the scrolling panel itself takes focus
          (a keyboard user can still scroll it; axe: scrollable-region-focusable). */}
      <aside className="zone zone--controls" aria-label="Compression settings" tabIndex={ready ? undefined : 0}>
        <CompressControls />
      </aside>
      <section className="zone zone--chart compress-view__middle" aria-label="Size and accuracy">
        {ready ? (
          <>
            <SweepBar />
            <FineTuneBar />
            <AutoCompressBar />
            <CompressError />
            {toy ? <CompressBoundaryPanel /> : null}
            <FrontierChart />
            <LookInside />
            <LayerTable />
            {toy ? null : <DigitPad />}
            {toy ? null : <SpeedCard />}
          </>
        ) : (
          <CompressEmptyState progress={<ProgressBar />} status={<StatusRegion />} />
        )}
      </section>
      <aside className="zone zone--result compress-view__result" aria-label="Result">
        <CompressHeadline />
      </aside>
      <aside className="zone zone--details" aria-label="Compared with the dense model">
        {/* Downloads sit below the three numbers, not in their card: on a phone that card stays
            pinned at the top while the sliders move, and three buttons made it a third of the screen. */}
        <section className="result-card compress-view__downloads" aria-label="Downloads">
          <DownloadModel />
        </section>
        <CompressDetails />
      </aside>
    </main>
  );
}
