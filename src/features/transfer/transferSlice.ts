// The transfer lab's slice of the app store: the actions of transferRun.ts on the page's worker bridge.
import type { StateCreator } from 'zustand';
import { bridge } from '../../store/bridge';
import { transferActions } from './transferRun';
import type { AppState } from '../../store/types';

export { LABEL_STOPS, labelCountsUpTo, type TransferSlice } from './transferRun';

export const createTransferSlice: StateCreator<AppState, [], [], ReturnType<typeof transferActions>> = (set, get) => transferActions(set, get, bridge);
