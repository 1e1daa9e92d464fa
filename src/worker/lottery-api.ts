// The lottery lab's part of the worker API (spread into EngineApi): start, resume, cancel, what
// a reload finds saved, and handing a found ticket to the compression lab.
import * as Comlink from 'comlink';
import type { BaselineInfo } from './compression-protocol';
import type { CompressionLab } from './compression-lab';
import { loadDataset } from './data-loader';
import type { LotteryHandlers, LotteryOutcome, LotteryRequest, SavedLotteries, TicketSpec } from './lottery-protocol';
import { limitTraining, LotterySession } from './lottery-session';
import { indexedDbStorage } from './lottery-store';

interface Deps {
  /** Resolves once a backend is chosen. */
  ready(): Promise<void>;
  lab: CompressionLab;
  /** The training session's trainer now (a ticket in the lab stays until it changes). */
  currentTrainer(): unknown;
  /** A sentence when the Train view's run holds the worker, else null. */
  trainingBusy(): string | null;
}

/** Comlink proxies cannot be spread; each call goes through, the mask map transferred. */
function transferring(h: LotteryHandlers): LotteryHandlers {
  return {
    onState: (s) => h.onState(s),
    onProgress: (p) => h.onProgress(p),
    onData: (d) => h.onData?.(d),
    onSaved: (n) => h.onSaved?.(n),
    onRound: (m) => h.onRound(m.firstLayerSurvivors ? Comlink.transfer(m, [m.firstLayerSurvivors.buffer]) : m),
  };
}

export function createLotteryApi(deps: Deps) {
  const session = new LotterySession(indexedDbStorage);
  /** Set while the compression lab holds a ticket rather than the trained model. */
  let ticketOver: { trainer: unknown } | null = null;
  /** A cancel that arrived while the data was still loading (before the session had a run). */
  let cancelledEarly = false;

  async function begin(request: LotteryRequest, handlers: LotteryHandlers, save: Parameters<LotterySession['start']>[3]): Promise<LotteryOutcome> {
    const busy = deps.trainingBusy();
    if (busy) throw new Error(busy);
    if (session.isRunning) throw new Error('A lottery run is already going: cancel it first.');
    await deps.ready();
    const h = transferring(handlers);
    cancelledEarly = false;
    h.onState('loading-data');
    const data = limitTraining(await loadDataset('mnist', request.seed, (s) => h.onData?.(s)), request.trainLimit);
    if (cancelledEarly) {
      h.onState('cancelled');
      return { status: 'cancelled', rounds: 0, seconds: 0 };
    }
    return session.start(request, data, h, save);
  }

  return {
    /** True while the compression lab holds a ticket and no newer training run replaced it. */
    busy: () => session.isRunning,
    ticketHeld: (trainer: unknown) => ticketOver !== null && ticketOver.trainer === trainer,
    stop: async () => {
      await session.cancel();
      session.dispose();
    },
    api: {
      /** Starts a run, saved between rounds under `saveId` (the page's id for it: each tab's own). */
      startLottery: (request: LotteryRequest, handlers: LotteryHandlers, saveId: string) => begin(request, handlers, { id: saveId }),

      /** Picks up the run saved under `saveId`; rejects with the sentence that says why it cannot. */
      async resumeLottery(saveId: string, handlers: LotteryHandlers): Promise<LotteryOutcome> {
        const { info, snapshot } = await session.savedRun(saveId);
        if (info.status === 'resumable' && snapshot) return begin(info.request, handlers, { id: saveId, resume: snapshot });
        throw new Error(info.status === 'none' || info.status === 'resumable' ? 'That lottery run is no longer saved in this browser.' : info.reason);
      },

      cancelLottery: () => {
        cancelledEarly = true;
        return session.cancel();
      },
      /** Every lottery run saved in this browser (any tab's), newest first. */
      savedLotteries: (): Promise<SavedLotteries> => session.savedRuns(),
      discardSavedLottery: (saveId: string) => session.discardSaved(saveId),
      lotteryTicketRounds: async () => session.ticketRounds(),

      /** Hands the ticket of `ticket.round` (weights and masks) to the compression lab. */
      async compressTicket(ticket: TicketSpec, label: string): Promise<BaselineInfo> {
        const t = session.ticket(ticket);
        const baseline = await deps.lab.adoptTicket(t.spec, t.data, t.weights, t.masks, label);
        ticketOver = { trainer: deps.currentTrainer() };
        return baseline;
      },
    },
  };
}
