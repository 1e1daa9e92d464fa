// The 280x280 drawing surface. Pointer events cover mouse, pen and touch alike; a stroke is
// read (pre-processed like MNIST, then sent to the worker) at most every READ_MS while drawing
// and once more when it ends, so the main thread only ever draws line segments in between.
import { useEffect, useRef } from 'react';
import { useAppStore } from '../../../store';
import { toMnistInput } from './mnistPreprocess';
import { INK, PAD_PIXELS, STROKE_WIDTH, padContext, padInk, paintOnPad } from './paint';

const READ_MS = 80;

export function DrawingPad({ describedBy }: { describedBy: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const lastRead = useRef(0);
  const trailing = useRef<ReturnType<typeof setTimeout> | null>(null);
  const input = useAppStore((s) => s.digitInput);

  // A picked test image is drawn on the pad; a drawing is already there; Clear empties it.
  useEffect(() => {
    if (!canvas.current) return;
    if (input?.test) paintOnPad(canvas.current, input.pixels);
    else if (!input) padContext(canvas.current)?.clearRect(0, 0, PAD_PIXELS, PAD_PIXELS);
  }, [input]);
  useEffect(() => () => void (trailing.current && clearTimeout(trailing.current)), []);

  const read = () => {
    if (trailing.current) clearTimeout(trailing.current);
    trailing.current = null;
    lastRead.current = performance.now();
    const ink = canvas.current ? padInk(canvas.current) : null;
    if (ink) useAppStore.getState().setDrawnDigit(toMnistInput(ink));
  };
  const readSoon = () => {
    const wait = READ_MS - (performance.now() - lastRead.current);
    if (wait <= 0) read();
    else trailing.current ??= setTimeout(read, wait);
  };

  const at = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * PAD_PIXELS, y: ((e.clientY - r.top) / r.height) * PAD_PIXELS };
  };
  const segment = (from: { x: number; y: number }, to: { x: number; y: number }) => {
    const ctx = padContext(canvas.current);
    if (!ctx) return;
    ctx.strokeStyle = INK;
    ctx.lineWidth = STROKE_WIDTH;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
  };

  return (
    <canvas
      ref={canvas}
      className="digit-pad__canvas"
      width={PAD_PIXELS}
      height={PAD_PIXELS}
      role="img"
      aria-label="Drawing pad: draw a digit with the mouse, a pen or a finger"
      aria-describedby={describedBy}
      onPointerDown={(e) => {
        e.preventDefault(); // a drag on the pad draws; it must not select the text around it
        e.currentTarget.setPointerCapture(e.pointerId);
        // Drawing over a picked test image starts a drawing of its own.
        if (useAppStore.getState().digitInput?.test) padContext(e.currentTarget)?.clearRect(0, 0, PAD_PIXELS, PAD_PIXELS);
        const p = at(e);
        last.current = p;
        segment(p, p);
        readSoon();
      }}
      onPointerMove={(e) => {
        if (!last.current) return;
        const p = at(e);
        segment(last.current, p);
        last.current = p;
        readSoon();
      }}
      onPointerUp={() => {
        last.current = null;
        read();
      }}
      onPointerCancel={() => {
        last.current = null;
        read();
      }}
    />
  );
}

