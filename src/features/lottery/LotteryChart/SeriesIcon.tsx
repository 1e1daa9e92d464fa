// A series' legend sample: its line (solid, dashed or dotted) with its marker on it, so a
// legend entry shows every cue the chart uses, not only the colour.
import { Marker } from '../../../shared/charts/marks';
import type { VariantStyle } from './series';

export function SeriesIcon({ style }: { style: VariantStyle }) {
  return (
    <svg width="26" height="12" viewBox="0 0 26 12" aria-hidden="true" className="marker-icon">
      <line x1="1" y1="6" x2="25" y2="6" stroke={style.color} strokeWidth="2" strokeDasharray={style.dash ?? undefined} />
      <Marker shape={style.marker} x={13} y={6} r={4} color={style.color} hollow={style.hollow} />
    </svg>
  );
}
