// The test images the compressed model gets wrong and the dense one gets right, at the current
// settings, with both predictions. Listed only while opened (it is two passes over the test set
// in the worker, which slider moves would otherwise wait behind), once the setting's
// full-test-set figure is in; arrow keys, Home and End move between pictures, Enter puts one on
// the pad.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useAppStore } from '../../../store';
import { selectShownState } from '../shown';
import type { Miss } from '../../../worker/compression-protocol';
import { selectShownGallery } from '../digitSlice';
import { FIELD } from './mnistPreprocess';
import { paintDigit } from './paint';

function Thumb({ miss, pixels, refName, tabIndex }: { miss: Miss; pixels: Uint8Array; refName: string; tabIndex: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => paintDigit(ref.current, pixels, 255), [pixels]);
  const label = `Test image ${miss.index}, a ${miss.label}: ${refName.toLowerCase()} says ${miss.reference}, compressed says ${miss.compressed}`;
  return (
    <li>
      <button type="button" className="digit-miss" tabIndex={tabIndex} aria-label={label} onClick={() => useAppStore.getState().pickTestDigit(miss.index)}>
        <canvas ref={ref} width={FIELD} height={FIELD} className="digit-miss__canvas" aria-hidden="true" />
        <span className="digit-miss__text" aria-hidden="true">
          {miss.reference} → <strong>{miss.compressed}</strong>
        </span>
      </button>
    </li>
  );
}

/** Arrow keys move focus along the grid of pictures (one tab stop for the whole gallery). */
function moveFocus(e: KeyboardEvent<HTMLUListElement>) {
  const buttons = Array.from(e.currentTarget.querySelectorAll<HTMLButtonElement>('button'));
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0) return;
  const perRow = Math.max(1, Math.round(e.currentTarget.clientWidth / (buttons[0]?.offsetWidth || 1)));
  const to = { ArrowRight: at + 1, ArrowLeft: at - 1, ArrowDown: at + perRow, ArrowUp: at - perRow, Home: 0, End: buttons.length - 1 }[e.key];
  if (to === undefined) return;
  e.preventDefault();
  const next = buttons[Math.min(buttons.length - 1, Math.max(0, to))];
  buttons.forEach((b) => (b.tabIndex = b === next ? 0 : -1));
  next.focus();
}

export function Mistakes() {
  const gallery = useAppStore(selectShownGallery);
  const ready = useAppStore((s) => selectShownState(s) === 'final');
  const error = useAppStore((s) => s.missGalleryError);
  const refName = useAppStore((s) => (s.baseline?.reference === 'ticket' ? 'Ticket' : 'Dense'));
  const wanted = useAppStore((s) => `${s.labModelId}|${JSON.stringify(s.compressUi)}`);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (open && ready) useAppStore.getState().refreshMissGallery();
  }, [open, ready, wanted]);

  const pixels = (k: number) => gallery!.pixels.subarray(k * FIELD * FIELD, (k + 1) * FIELD * FIELD);
  return (
    <details className="digit-mistakes" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="digit-pad__subtitle">What compression broke: the test images it now gets wrong</summary>
      {!open ? null : !gallery ? (
        <p className="digit-pad__note">{ready ? 'Listing the test images the compressed model now gets wrong…' : 'Listed once this setting is measured on all test images.'}</p>
      ) : (
        <>
          <p className="digit-pad__note">
            {gallery.total === 0
              ? `At these settings the compressed model gets none of the ${gallery.tested.toLocaleString('en')} test images wrong that the ${refName.toLowerCase()} model gets right.`
              : `At these settings the compressed model gets ${gallery.total.toLocaleString('en')} of the ${gallery.tested.toLocaleString('en')} test images wrong that the ${refName.toLowerCase()} model gets right${gallery.fixed ? ` (and ${gallery.fixed.toLocaleString('en')} right that it got wrong)` : ''}. ${gallery.total > gallery.shown.length ? `The first ${gallery.shown.length}` : 'Each'}, as ${refName.toLowerCase()} → compressed; pick one to put it on the pad.`}
          </p>
          {gallery.shown.length > 0 ? (
            <ul className="digit-mistakes__grid" aria-label="Test images compression got wrong" onKeyDown={moveFocus}>
              {gallery.shown.map((m, k) => (
                <Thumb key={m.index} miss={m} pixels={pixels(k)} refName={refName} tabIndex={k === 0 ? 0 : -1} />
              ))}
            </ul>
          ) : null}
        </>
      )}
      <span role="alert" className="digit-pad__error">
        {error}
      </span>
    </details>
  );
}
