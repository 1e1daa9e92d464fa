// The Lottery view's right zone: the few numbers that matter (dense model, the ticket at its
// sparsest round, its controls), and "Compress this ticket", which hands the retrained ticket
// of a chosen round to the compression lab.
import { useId, useState } from 'react';
import { useAppStore } from '../../../store';
import { selectShownRounds } from '../shown';
import { isLotteryBusy } from '../lotterySlice';
import { percentText, ROUND_BEAT_MS } from '../LotteryChart/series';
import { useStaggered } from '../../../shared/charts/useStaggered';
import { defaultTicketRound } from './ticketRound';
import './LotteryTicket.css';

function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="lottery-ticket__figure">
      <span className="lottery-ticket__label">{label}</span>
      <span className="lottery-ticket__value">{value}</span>
      {detail ? <span className="lottery-ticket__detail">{detail}</span> : null}
    </div>
  );
}

export function LotteryTicket() {
  // On the pictures' beat (its own phase), not on every store update.
  const rounds = useStaggered(useAppStore(selectShownRounds), ROUND_BEAT_MS, 125);
  const busy = useAppStore(isLotteryBusy);
  const handoff = useAppStore((s) => s.lotteryTicket);
  const compressTicket = useAppStore((s) => s.compressTicket);
  const selectId = useId();
  const [picked, setPicked] = useState<number | null>(null);

  const dense = rounds.find((m) => m.result.variant === 'dense')?.result ?? null;
  const tickets = rounds.filter((m) => m.result.variant === 'rewind_init').sort((a, b) => a.result.round - b.result.round);
  const last = tickets.at(-1)?.result ?? null;
  const at = (variant: string) => (last ? rounds.find((m) => m.result.variant === variant && m.result.round === last.round)?.result : undefined);
  const reinit = at('random_reinit');
  const random = at('random_prune');
  const kept = tickets.filter((m) => m.ticketKept);
  const round = picked !== null && kept.some((m) => m.result.round === picked) ? picked : defaultTicketRound(kept, last?.round ?? null);

  return (
    <div className="lottery-ticket">
      <h2 className="visually-hidden">Result</h2>
      <Figure label="Dense model" value={dense ? `${dense.testAccuracy.toFixed(2)}%` : '—'} detail="test accuracy, all weights" />
      <Figure
        label="Ticket (rewind to init)"
        value={last ? `${last.testAccuracy.toFixed(2)}%` : '—'}
        detail={last ? `at ${percentText(last.percentRemaining)} of the weights, round ${last.round}` : 'after the first pruning round'}
      />
      {reinit ? <Figure label="Random reinit" value={`${reinit.testAccuracy.toFixed(2)}%`} detail="same mask, fresh random weights" /> : null}
      {random ? <Figure label="Random pruning" value={`${random.testAccuracy.toFixed(2)}%`} detail="same sparsity, random mask" /> : null}

      <div className="lottery-ticket__handoff">
        <h3 className="lottery-ticket__title">Compress the ticket</h3>
        {kept.length > 0 ? (
          <>
            <div className="field">
              <label className="field__label" htmlFor={selectId}>
                Ticket of round
              </label>
              <select id={selectId} className="field__control" value={round ?? ''} onChange={(e) => setPicked(Number(e.target.value))}>
                {kept.map((m) => (
                  <option key={m.result.round} value={m.result.round}>
                    {`Round ${m.result.round}: ${percentText(m.result.percentRemaining)} left, ${m.result.testAccuracy.toFixed(2)}%`}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className="btn btn--primary" disabled={busy || handoff?.sending || round === null} onClick={() => round !== null && void compressTicket(round)}>
              {handoff?.sending ? 'Handing over…' : 'Compress this ticket'}
            </button>
            <p className="lottery-ticket__hint">Opens the Compress view with the ticket's retrained weights and its mask, at 4-bit codes: quantize and encode it like a trained model.</p>
          </>
        ) : (
          <p className="lottery-ticket__hint">Once a pruning round has retrained the ticket, it can be quantized and encoded in the Compress view.</p>
        )}
        {handoff?.error ? (
          <p className="lottery-ticket__error" role="alert">
            {handoff.error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
