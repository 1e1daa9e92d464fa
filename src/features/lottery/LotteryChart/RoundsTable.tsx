// The text alternative of a lottery chart: one row per round, one column per variant, in a
// disclosure under the chart so sighted students can open it too.
import { VARIANT_IDS, VARIANTS } from '../../../engine/lottery/variants';
import type { LotteryRoundMessage } from '../../../worker/lottery-protocol';
import { TableDisclosure } from '../../../shared/charts/TableDisclosure';
import { percentText } from './series';

interface Props {
  rounds: readonly LotteryRoundMessage[];
  value(m: LotteryRoundMessage): string;
  caption: string;
  /** Leave the dense trunk (round 0) out, for measures it has none of. */
  skipDense?: boolean;
}

export function RoundsTable({ rounds, value, caption, skipDense }: Props) {
  const variants = VARIANT_IDS.filter((v) => rounds.some((m) => m.result.variant === v));
  const numbers = [...new Set(rounds.map((m) => m.result.round))].sort((a, b) => a - b).filter((r) => !skipDense || r > 0);
  if (numbers.length === 0) return null;
  const cell = (variant: string, round: number) => rounds.find((m) => m.result.variant === variant && m.result.round === round);
  return (
    <TableDisclosure>
      {() => (
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Round</th>
              <th scope="col">Weights left (ticket)</th>
              {!skipDense ? <th scope="col">Dense</th> : null}
              {variants.map((v) => (
                <th scope="col" key={v}>
                  {VARIANTS[v].name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {numbers.map((round) => {
              const dense = round === 0 ? cell('dense', 0) : undefined;
              const first = dense ?? variants.map((v) => cell(v, round)).find(Boolean);
              return (
                <tr key={round}>
                  <th scope="row">{round === 0 ? '0 (dense)' : round}</th>
                  <td>{first ? percentText(first.result.percentRemaining) : '—'}</td>
                  {!skipDense ? <td>{dense ? value(dense) : ''}</td> : null}
                  {variants.map((v) => {
                    const m = cell(v, round);
                    return <td key={v}>{m ? value(m) : ''}</td>;
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </TableDisclosure>
  );
}
