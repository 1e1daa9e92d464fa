// Each retraining variant and control in two plain sentences, with the paper it comes from,
// marked with the same colour and marker as on the charts.
import { VARIANT_IDS, VARIANTS } from '../../../engine/lottery/variants';
import { MarkerIcon } from '../../../shared/charts/marks';
import { VARIANT_STYLES } from '../LotteryChart/series';
import './LotteryExplain.css';

export function LotteryExplain() {
  return (
    <section className="lottery-explain" aria-labelledby="lottery-explain-title">
      <h2 id="lottery-explain-title" className="lottery-explain__title">
        What each series does
      </h2>
      <dl className="lottery-explain__list">
        {VARIANT_IDS.map((id) => (
          <div key={id} className="lottery-explain__item">
            <dt>
              <MarkerIcon shape={VARIANT_STYLES[id].marker} color={VARIANT_STYLES[id].color} />
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
