// Which preset makes which comparison meaningful, then each retraining variant and control in two
// plain sentences, with the paper it comes from, marked with the same line and marker as on the
// charts.
import { VARIANT_IDS, VARIANTS } from '../../../engine/lottery/variants';
import { SeriesIcon } from '../LotteryChart/SeriesIcon';
import { VARIANT_STYLES } from '../LotteryChart/series';
import { LOTTERY_PRESETS } from '../lotteryRequest';
import './LotteryExplain.css';

export function LotteryExplain() {
  return (
    <section className="lottery-explain" aria-labelledby="lottery-explain-title">
      <h2 id="lottery-explain-title" className="lottery-explain__title">
        What each series does
      </h2>
      <p className="lottery-explain__presets">
        <strong>Which preset compares what.</strong> “{LOTTERY_PRESETS.quick.label}” and “{LOTTERY_PRESETS.paper.label}” train with Adam at a constant
        rate, as Frankle &amp; Carbin do: they test the ticket against its two controls. Under a constant rate the “final learning rate” fine-tuning
        uses is the rate itself, so fine-tuning and LR rewinding are the same run there. “{LOTTERY_PRESETS.rewinding.label}” trains with SGD and a
        step-decay schedule, as Renda, Frankle &amp; Carbin compare them: there the four retraining variants really differ.
      </p>
      <dl className="lottery-explain__list">
        {VARIANT_IDS.map((id) => (
          <div key={id} className="lottery-explain__item">
            <dt>
              <SeriesIcon style={VARIANT_STYLES[id]} />
              {VARIANTS[id].name}
              {VARIANTS[id].control ? <span className="lottery-explain__tag">control</span> : null}
            </dt>
            <dd>
              {VARIANTS[id].description} <cite>{VARIANTS[id].paper}.</cite>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
