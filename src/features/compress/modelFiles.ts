// The model files the page offers: the encoded file of the trained model (float32) or of the
// model at the controls' settings (docs/FORMAT.md; its length is the "Model size" on the card),
// and the same compressed weights as a TF.js LayersModel. The store builds the settings and the
// names from its own state, so a button only says which file it wants.
import type { StateCreator } from 'zustand';
import { bridge } from '../../store/bridge';
import type { AppState } from '../../store/types';
import { DEFAULT_COMPRESSION } from '../../url/defaults';
import { toCompressionSettings } from '../../url/compressControls';
import type { CModelFiles, Inspection, LayersModelFiles } from '../../worker/compression-protocol';
import type { CompressionSettings } from '../../engine/compression/compress';
import { shownSettings } from './shown';

export interface ModelFile {
  bytes: Uint8Array;
  fileName: string;
}

export interface ModelFilesSlice {
  /** 'trained': the dense float32 model; 'compressed': the model as the controls set it. */
  encodedModelFile(which: 'trained' | 'compressed'): Promise<ModelFile>;
  /** model.json and its weights file: the compressed weights dequantized to float32. */
  layersModelFiles(): Promise<LayersModelFiles>;
  /** The model as the controls set it, as C: a header of const arrays in the encoded layout
   * and a .c file with predict() and, under CPG_MAIN, a main() that measures it on MNIST. */
  cCodeFiles(): Promise<CModelFiles>;
  /** Per-layer pictures and byte counts of the model at these settings (fine-tuned for
   * `fineTunedEpochs`, when not 0). */
  inspectModel(settings: CompressionSettings, fineTunedEpochs: number): Promise<Inspection>;
}

function compressedName(s: AppState): string {
  const model = s.baseline?.modelId ?? 'model';
  if (s.compressUi.auto) return `${model}-auto-compressed-budget${s.compressUi.autoBudget}-rounds${s.compressUi.autoRounds}`;
  const tuned = s.compressUi.fineTuned ? `-finetuned${s.compressUi.fineTuned}` : '';
  return `${model}-pruned${Math.round(s.compressUi.sparsity * 1000) / 10}-${s.compressUi.bits}bit${tuned}`;
}

export const createModelFilesSlice: StateCreator<AppState, [], [], ModelFilesSlice> = (_set, get) => ({
  async encodedModelFile(which) {
    const s = get();
    const seed = s.runSpec?.seed ?? 0;
    if (which === 'trained') {
      const dense = toCompressionSettings({ ...DEFAULT_COMPRESSION, sparsity: 0, bits: 32 }, seed);
      return { bytes: await bridge().encodedModel(dense), fileName: `${s.runSpec?.model ?? 'model'}-trained-float32.cpgm` };
    }
    const bytes = await bridge().encodedModel(shownSettings(s), s.compressUi.fineTuned);
    return { bytes, fileName: `${compressedName(s)}.cpgm` };
  },

  layersModelFiles() {
    const s = get();
    return bridge().layersModel(shownSettings(s), compressedName(s), s.compressUi.fineTuned);
  },

  cCodeFiles() {
    const s = get();
    return bridge().cCode(shownSettings(s), s.compressUi.fineTuned);
  },

  inspectModel: (settings, fineTunedEpochs) => bridge().inspect(settings, fineTunedEpochs),
});
