// "Try it on your own digit": draw on the pad (or pick a test image from the keyboard) and see
// the dense and the compressed model's class probabilities side by side, following the sliders;
// then the test images compression got wrong.
import { useEffect, useRef } from 'react';
import { useAppStore } from '../../../store';
import { DrawingPad } from './DrawingPad';
import { Mistakes } from './Mistakes';
import { Probabilities } from './Probabilities';
import { TestPicker } from './TestPicker';
import { FIELD } from './mnistPreprocess';
import { paintDigit } from './paint';
import '../LayerTable/LayerTable.css';
import './DigitPad.css';

/** The 28x28 image the models read, white on black as MNIST stores it. */
function ModelView() {
  const ref = useRef<HTMLCanvasElement>(null);
  const input = useAppStore((s) => s.digitInput);
  useEffect(() => {
    if (input) paintDigit(ref.current, input.pixels, 1, true);
    else ref.current?.getContext('2d')?.clearRect(0, 0, FIELD, FIELD);
  }, [input]);
  return (
    <figure className="digit-pad__seen">
      <canvas ref={ref} width={FIELD} height={FIELD} className="digit-pad__seen-canvas" role="img" aria-label="The 28 by 28 image the models read" />
      <figcaption>What the models read</figcaption>
    </figure>
  );
}

export function DigitPad() {
  const hasInput = useAppStore((s) => s.digitInput !== null);
  return (
    <section className="layer-card digit-pad" aria-labelledby="digit-pad-title">
      <h2 className="layer-card__title" id="digit-pad-title">
        Try it on your own digit
      </h2>
      <div className="digit-pad__layout">
        <div className="digit-pad__input">
          <DrawingPad describedBy="digit-pad-how" />
          <div className="digit-pad__under">
            <ModelView />
            <button type="button" className="btn" disabled={!hasInput} onClick={() => useAppStore.getState().setDrawnDigit(null)}>
              Clear the pad
            </button>
          </div>
          <p className="digit-pad__note" id="digit-pad-how">
            Your drawing is prepared the way MNIST's digits were: cropped to its ink, scaled to fit 20×20 pixels with its shape kept, and placed in a
            28×28 field with its centre of mass in the middle.
          </p>
          <TestPicker />
        </div>
        <Probabilities />
      </div>
      <Mistakes />
    </section>
  );
}
