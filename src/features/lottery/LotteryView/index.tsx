// The Lottery view: settings | accuracy vs weights remaining, then the smaller pictures and the
// explanations | the numbers and "Compress this ticket". A run saved in this browser is looked
// up when the view opens, so a reload can resume it.
import { useEffect } from 'react';
import { useAppStore } from '../../../store';
import { LotteryChart } from '../LotteryChart';
import { LotteryControls } from '../LotteryControls';
import { LotteryCurves } from '../LotteryCurves';
import { LotteryDetails } from '../LotteryDetails';
import { LotteryExplain } from '../LotteryExplain';
import { LotteryHeatmap } from '../LotteryHeatmap';
import { LotteryTicket } from '../LotteryTicket';
import { OtherRunNotice } from './OtherRunNotice';
import './LotteryView.css';

export function LotteryView() {
  useEffect(() => {
    const s = useAppStore.getState();
    if (s.lotterySaved === null) void s.checkSavedLottery();
  }, []);

  return (
    <main className="workspace workspace--lottery" id="view-lottery" role="tabpanel" aria-labelledby="tab-lottery">
      <aside className="zone zone--controls" aria-label="Lottery settings">
        <LotteryControls />
      </aside>
      <section className="zone zone--chart lottery-view__middle" aria-label="Lottery ticket results">
        <OtherRunNotice />
        <LotteryChart />
        <LotteryDetails />
        <LotteryHeatmap />
        <LotteryCurves />
        <LotteryExplain />
      </section>
      <aside className="zone zone--result" aria-label="Result">
        <LotteryTicket />
      </aside>
    </main>
  );
}
