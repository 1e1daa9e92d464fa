// The 2-D network as a graph, in the manner of the TensorFlow Playground: one column of nodes
// per layer, one link per weight, its thickness the weight's magnitude, its hue and dash its
// sign. A weight of exactly 0 (pruned, or quantized to 0) draws no link, so links vanish as
// the Sparsity slider rises.
import { memo } from 'react';
import type { GridKernel } from '../../../worker/decision-grid';
import { ChartCard, type LegendItem } from '../../../shared/charts/ChartCard';
import { graphLayout, linkCounts } from './layout';
import './NetworkGraph.css';

/** Okabe-Ito blue and vermillion, and a dash for negative weights so the sign is never colour alone. */
const SIGN_STYLES = {
  positive: { label: 'Positive weight', color: '#0072B2', dash: undefined },
  negative: { label: 'Negative weight (dashed)', color: '#D55E00', dash: '5 3' },
} as const;

const LEGEND: LegendItem[] = [
  { label: SIGN_STYLES.positive.label, color: SIGN_STYLES.positive.color },
  { label: SIGN_STYLES.negative.label, color: SIGN_STYLES.negative.color, dashed: true },
];

const WIDTH = 360;
const HEIGHT = 240;

interface Props {
  title: string;
  kernels: GridKernel[] | null;
  emptyText: string;
  /** Says what the thickness and the missing links mean for this model. */
  describe(kept: number, total: number): string;
}

function Graph({ kernels }: { kernels: GridKernel[] }) {
  const { nodes, links, labels } = graphLayout(kernels, WIDTH, HEIGHT);
  return (
    <svg className="network-graph__svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true">
      <g>
        {links.map((l) => {
          const style = l.weight > 0 ? SIGN_STYLES.positive : SIGN_STYLES.negative;
          return (
            <line
              key={l.key}
              x1={l.x1}
              y1={l.y1}
              x2={l.x2}
              y2={l.y2}
              stroke={style.color}
              strokeWidth={l.width}
              strokeDasharray={style.dash}
              strokeOpacity={0.85}
            />
          );
        })}
      </g>
      <g className="network-graph__nodes">
        {nodes.map((n) => (
          <circle key={n.key} cx={n.x} cy={n.y} r={n.r} />
        ))}
      </g>
      <g className="network-graph__labels">
        {labels.map((t) => (
          <text key={t.text} x={t.x} y={HEIGHT - 4} textAnchor="middle">
            {t.text}
          </text>
        ))}
      </g>
    </svg>
  );
}

export const NetworkGraph = memo(function NetworkGraph({ title, kernels, emptyText, describe }: Props) {
  const counts = kernels ? linkCounts(kernels) : null;
  const summary = counts ? describe(counts.kept, counts.total) : emptyText;
  return (
    <ChartCard
      title={title}
      unit="thickness = |weight|"
      legend={LEGEND}
      className="network-graph"
      footer={<p className="network-graph__summary">{summary}</p>}
    >
      {kernels && counts ? (
        <div role="img" aria-label={summary} data-links={counts.kept} className="network-graph__frame">
          <Graph kernels={kernels} />
        </div>
      ) : (
        <div className="network-graph__empty" aria-hidden="true" />
      )}
    </ChartCard>
  );
});
