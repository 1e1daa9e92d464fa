// The lottery lab's slice of the app store: the actions of ./lotteryRun on the worker bridge.
import type { StateCreator } from 'zustand';
import { bridge } from '../../store/bridge';
import { lotteryActions, type LotteryHost, type LotterySlice } from './lotteryRun';
import type { AppState } from '../../store/types';

export { isLotteryBusy, selectOfferedRun, sliderAtMost, type LotterySlice, type LotteryStatus, type LotteryTicketState } from './lotteryRun';

export const createLotterySlice: StateCreator<AppState, [], [], LotterySlice> = (set, get) =>
  lotteryActions(set as (partial: Partial<LotteryHost> | ((s: LotteryHost) => Partial<LotteryHost>)) => void, get as () => LotteryHost, bridge);
