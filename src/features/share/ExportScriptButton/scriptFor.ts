// Which PyTorch script "Export as PyTorch script" writes: in the Lottery view the lottery run on
// its controls (src/engine/export/pytorchLottery.ts), elsewhere the training + compression run
// (pytorchScript.ts). Both carry the share link, which the results file they write names as the
// run's settings, so "Open" on the imported run in the History restores them. The generators
// load on the first click, so their Python text never weighs on the first paint.
import { encodeExperiment } from '../../../url/codec';
import { linkStateOf } from '../../../url/linkState';
import type { Experiment } from '../../../url/types';

export interface ExportedScript {
  name: string;
  text: string;
  /** What the file repeats, for the sentence after the download. */
  what: string;
}

/** The script for the experiment on screen (the store's link keys). Throws a sentence when a
 * setting cannot be exported. */
export async function scriptFor(s: Experiment): Promise<ExportedScript> {
  const link = encodeExperiment(linkStateOf(s));
  if (s.view === 'lottery') {
    const { lotteryScriptName, pytorchLotteryScript } = await import('../../../engine/export/pytorchLottery');
    const experiment = { settings: s.lotteryUi, seed: s.spec.seed, link };
    return { name: lotteryScriptName(experiment), text: pytorchLotteryScript(experiment), what: 'the lottery run on the controls' };
  }
  const { pytorchScript, pytorchScriptName } = await import('../../../engine/export/pytorchScript');
  if (s.compressUi.auto) {
    // The script repeats the sliders' compression, so its results file links that, not the
    // search (History would otherwise show the sliders' figures under the found model's settings).
    const sliders = encodeExperiment(linkStateOf({ ...s, compressUi: { ...s.compressUi, auto: false } }));
    const what = "training and the sliders' compression: the auto-compress search runs only in the page and in npm run reproduce -- smallest";
    return { name: pytorchScriptName(s.spec), text: pytorchScript({ spec: s.spec, compression: s.compressUi, link: sliders }), what };
  }
  return { name: pytorchScriptName(s.spec), text: pytorchScript({ spec: s.spec, compression: s.compressUi, link }), what: 'training and compression' };
}
