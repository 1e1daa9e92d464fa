// The lottery lab's state and actions: its controls (in the share link), the run in the worker
// streamed round by round, the runs saved in this browser (each under its own id; this tab's id
// kept in sessionStorage, see ./tabRun), and handing a found ticket to the
// compression lab. Written against the few parts of the app store it needs (LotteryHost) and a
// bridge passed in, so unit tests run it in Node without the page's worker bridge.
import { VARIANT_IDS, type VariantId } from '../../engine/lottery/variants';
import { DEFAULT_LOTTERY_CONTROLS, type LotteryControls } from '../../url/lotteryFields';
import type { BaselineInfo, CompressionPoint } from '../../worker/compression-protocol';
import type {
  LotteryHandlers,
  LotteryOutcome,
  LotteryProgressMessage,
  LotteryRequest,
  LotteryRoundMessage,
  SavedLotteries,
  SaveNote,
} from '../../worker/lottery-protocol';
import { sparsityAtPosition, type CompressUi } from '../../url/compressControls';
import { toUserMessage } from '../../shared/errors';
import type { EngineBridge } from '../../store/bridge';
import { LOTTERY_PRESETS, controlsOf, lotteryRequest, offeredRun } from './lotteryRequest';
import { newLotteryRunId, sessionTabMemory, type TabRunMemory } from './tabRun';

/** The lottery calls of the engine bridge. */
export type LotteryBridge = Pick<EngineBridge, 'startLottery' | 'resumeLottery' | 'cancelLottery' | 'savedLotteries' | 'discardSavedLottery' | 'compressTicket'>;

export type LotteryStatus = 'idle' | 'loading-data' | 'running' | 'cancelling' | 'done' | 'cancelled' | 'error';

export interface LotteryTicketState {
  round: number;
  sending: boolean;
  error: string | null;
}

export interface LotterySlice {
  lotteryUi: LotteryControls;
  lotteryStatus: LotteryStatus;
  /** Every finished round of the current (or last) run, the dense trunk first. */
  lotteryRounds: LotteryRoundMessage[];
  lotteryProgress: LotteryProgressMessage | null;
  /** The request the kept rounds were measured with; views draw them only while the controls
   * ask for the same (shown.ts). */
  lotteryRunRequest: LotteryRequest | null;
  /** The rounds and variants the current run was started with (the controls may change meanwhile). */
  lotteryPlan: { rounds: number; variants: VariantId[] } | null;
  lotteryDataMessage: string | null;
  lotteryError: string | null;
  /** How the last run ended (null while one runs, or after an error): the History keeps it. */
  lotteryOutcome: LotteryOutcome | null;
  /** The runs this browser holds (any tab's), newest first; null until asked. */
  lotterySaved: SavedLotteries | null;
  /** The id this tab's run is saved under (kept across reloads of the tab); null before its first run. */
  lotteryOwnRunId: string | null;
  lotterySaveNote: SaveNote | null;
  lotteryTicket: LotteryTicketState | null;
  setLotteryUi(patch: Partial<LotteryControls>): void;
  applyLotteryPreset(id: keyof typeof LOTTERY_PRESETS): void;
  startLottery(): Promise<void>;
  resumeLottery(): Promise<void>;
  cancelLottery(): Promise<void>;
  checkSavedLottery(): Promise<void>;
  discardSavedLottery(): Promise<void>;
  /** Loads the offered saved run's settings into the controls, so it can be resumed. */
  useSavedLotterySettings(): void;
  /** Puts the settings of the run whose rounds are kept back into the controls (and the seed). */
  showLastLotteryRun(): void;
  /** Hands the ticket of `round` to the compression lab and opens the Compress view. */
  compressTicket(round: number): Promise<void>;
}

/** Rounds and series of a run; asking for a control brings the ticket along (the engine does too). */
function planOf(ui: LotteryControls): { rounds: number; variants: VariantId[] } {
  const wanted = new Set<VariantId>(ui.variants);
  if (wanted.has('random_reinit') || wanted.has('random_prune')) wanted.add('rewind_init');
  return { rounds: ui.rounds, variants: VARIANT_IDS.filter((v) => wanted.has(v)) };
}

/** What the lottery actions read and write of the whole app store. */
export interface LotteryHost extends LotterySlice {
  spec: { seed: number };
  runId: number;
  view: string;
  compressUi: CompressUi;
  baseline: BaselineInfo | null;
  baselineStatus: string;
  baselineRunId: number | null;
  points: CompressionPoint[];
  current: CompressionPoint | null;
  sweep: unknown;
  compressError: string | null;
  dropCompression(): void;
  setView(view: 'compress'): void;
  setCompressUi(patch: Partial<CompressUi>): void;
}

type SetState = (partial: Partial<LotteryHost> | ((s: LotteryHost) => Partial<LotteryHost>)) => void;
type Get = () => LotteryHost;

export const isLotteryBusy = (s: Pick<LotterySlice, 'lotteryStatus'>) =>
  s.lotteryStatus === 'loading-data' || s.lotteryStatus === 'running' || s.lotteryStatus === 'cancelling';

/** The saved run the Lottery view offers now (see offeredRun). */
export const selectOfferedRun = (s: Pick<LotteryHost, 'lotterySaved' | 'lotteryUi' | 'spec' | 'lotteryOwnRunId'>) =>
  offeredRun(s.lotterySaved, lotteryRequest(s.lotteryUi, s.spec.seed), s.lotteryOwnRunId);

export function lotteryActions(set: SetState, get: Get, bridge: () => LotteryBridge, tab: TabRunMemory = sessionTabMemory()): LotterySlice {
  /** Bumped by every start, so events of an older run are dropped. */
  let token = 0;

  async function run(call: (h: LotteryHandlers) => Promise<LotteryOutcome>): Promise<void> {
    if (isLotteryBusy(get())) return;
    const mine = ++token;
    const live = () => mine === token;
    set({ lotteryStatus: 'loading-data', lotteryOutcome: null, lotteryRounds: [], lotteryProgress: null, lotteryError: null, lotteryDataMessage: null, lotterySaveNote: null, lotteryTicket: null });
    const handlers: LotteryHandlers = {
      onState: (state) => {
        if (!live()) return;
        if (state === 'running' && get().lotteryStatus === 'cancelling') return;
        set({ lotteryStatus: state });
      },
      onRound: (round) => {
        if (!live()) return;
        set((s) => ({ lotteryRounds: [...s.lotteryRounds, round] }));
      },
      onProgress: (progress) => {
        if (live()) set({ lotteryProgress: progress });
      },
      onData: (status) => live() && set({ lotteryDataMessage: status.message }),
      onSaved: (note) => live() && set({ lotterySaveNote: note }),
    };
    try {
      const outcome = await call(handlers);
      if (live()) set({ lotteryStatus: outcome.status, lotteryOutcome: outcome });
    } catch (error) {
      if (live()) set({ lotteryStatus: 'error', lotteryError: toUserMessage(error, 'The lottery run stopped') });
    }
    if (live()) void get().checkSavedLottery();
  }

  return {
    lotteryUi: { ...DEFAULT_LOTTERY_CONTROLS, variants: [...DEFAULT_LOTTERY_CONTROLS.variants] },
    lotteryStatus: 'idle',
    lotteryRounds: [],
    lotteryProgress: null,
    lotteryPlan: null,
    lotteryRunRequest: null,
    lotteryDataMessage: null,
    lotteryError: null,
    lotteryOutcome: null,
    lotterySaved: null,
    lotteryOwnRunId: tab.get(),
    lotterySaveNote: null,
    lotteryTicket: null,

    setLotteryUi(patch) {
      set((s) => ({ lotteryUi: { ...s.lotteryUi, ...patch } }));
    },

    applyLotteryPreset(id) {
      const c = LOTTERY_PRESETS[id].controls;
      set({ lotteryUi: { ...c, variants: [...c.variants] } });
    },

    async startLottery() {
      const s = get();
      if (isLotteryBusy(s)) return;
      const request = lotteryRequest(s.lotteryUi, s.spec.seed);
      const id = newLotteryRunId();
      tab.set(id);
      set({ lotteryPlan: planOf(s.lotteryUi), lotteryRunRequest: request, lotteryOwnRunId: id });
      await run((h) => bridge().startLottery(request, h, id));
    },

    async resumeLottery() {
      if (isLotteryBusy(get())) return;
      const saved = selectOfferedRun(get());
      if (saved?.status !== 'resumable') return;
      const plan = controlsOf(saved.request);
      // The resumed run is this tab's now, and goes on saving under its id.
      tab.set(saved.id);
      set((s) => ({ lotteryUi: plan, spec: { ...s.spec, seed: saved.request.seed }, lotteryPlan: planOf(plan), lotteryRunRequest: saved.request, lotteryOwnRunId: saved.id }));
      await run((h) => bridge().resumeLottery(saved.id, h));
    },

    async cancelLottery() {
      if (!isLotteryBusy(get())) return;
      set({ lotteryStatus: 'cancelling' });
      try {
        await bridge().cancelLottery();
      } catch (error) {
        set({ lotteryError: toUserMessage(error, 'Could not cancel the lottery run') });
      }
    },

    async checkSavedLottery() {
      try {
        set({ lotterySaved: await bridge().savedLotteries() });
      } catch (error) {
        set({ lotterySaved: { status: 'unavailable', reason: toUserMessage(error, 'The saved lottery runs could not be read') } });
      }
    },

    async discardSavedLottery() {
      const saved = selectOfferedRun(get());
      if (saved?.status !== 'resumable' && saved?.status !== 'incompatible') return;
      try {
        await bridge().discardSavedLottery(saved.id);
      } finally {
        await get().checkSavedLottery();
      }
    },

    useSavedLotterySettings() {
      const saved = selectOfferedRun(get());
      if (saved?.status !== 'resumable') return;
      set((s) => ({ lotteryUi: controlsOf(saved.request), spec: { ...s.spec, seed: saved.request.seed } }));
    },

    showLastLotteryRun() {
      const request = get().lotteryRunRequest;
      if (request) set((s) => ({ lotteryUi: controlsOf(request), spec: { ...s.spec, seed: request.seed } }));
    },

    async compressTicket(round) {
      const ticket = get().lotteryRounds.find((r) => r.result.variant === 'rewind_init' && r.result.round === round);
      if (!ticket || get().lotteryTicket?.sending) return;
      const kept = ticket.result.percentRemaining;
      set({ lotteryTicket: { round, sending: true, error: null } });
      const label = `Lottery ticket, round ${round} (${kept.toPrecision(3)}% of weights)`;
      try {
        const baseline = await bridge().compressTicket({ variant: 'rewind_init', round }, label);
        openTicketInCompressView(get, set, baseline, 1 - kept / 100);
        set({ lotteryTicket: { round, sending: false, error: null } });
      } catch (error) {
        set({ lotteryTicket: { round, sending: false, error: toUserMessage(error, 'Could not hand the ticket over') } });
      }
    },
  };
}

/** The highest sparsity slider stop at or below `sparsity`: the ticket's own mask, nothing more pruned. */
export function sliderAtMost(sparsity: number): number {
  for (let p = Math.floor(-100 * Math.log10(Math.max(1e-9, 1 - sparsity))); p > 0; p--) {
    const s = sparsityAtPosition(p);
    if (s <= sparsity) return s;
  }
  return 0;
}

/** The compression lab now holds the ticket: its numbers replace the trained model's, the
 * sliders start at the ticket's sparsity with 4-bit codes, and the Compress view opens. */
function openTicketInCompressView(get: Get, set: SetState, baseline: BaselineInfo, sparsity: number): void {
  get().dropCompression();
  set((s) => ({
    baseline,
    baselineStatus: 'ready',
    // Marks the lab as current for this training run, so opening the view does not reload it.
    baselineRunId: s.runId,
    points: [],
    current: null,
    sweep: null,
    compressError: null,
    compressUi: { ...s.compressUi, method: 'global_magnitude', includeFirstLayer: true, includeOutputLayer: true, sparsity: sliderAtMost(sparsity), bits: 4, integerScheme: 'symmetric', entropyCoding: true },
  }));
  get().setView('compress');
  // Measures the controls as set, like any slider move.
  get().setCompressUi({});
}
