// The MNIST pre-processing of a drawing: bounding box, 20x20 fit with the aspect ratio kept,
// centre of mass at the centre of the 28x28 field.
import { describe, expect, it } from 'vitest';
import { BOX, FIELD, boundingBox, centreOfMass, resampleBox, toMnistInput, type Gray } from './mnistPreprocess';

function blank(width: number, height: number): Gray {
  return { width, height, values: new Float32Array(width * height) };
}

function fillRect(img: Gray, x0: number, y0: number, w: number, h: number, v = 1): Gray {
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) img.values[y * img.width + x] = v;
  return img;
}

const field = (values: Float32Array): Gray => ({ width: FIELD, height: FIELD, values });

describe('boundingBox', () => {
  it('is null for a blank image and tight around the ink otherwise', () => {
    expect(boundingBox(blank(50, 40))).toBeNull();
    const img = fillRect(blank(50, 40), 7, 3, 10, 20);
    img.values[39 * 50 + 49] = 0.01; // below the threshold: not ink
    expect(boundingBox(img)).toEqual({ x0: 7, y0: 3, x1: 17, y1: 23 });
  });
});

describe('centreOfMass', () => {
  it('weights each pixel centre by its ink', () => {
    const img = blank(10, 10);
    img.values[2 * 10 + 1] = 1; // centre (1.5, 2.5)
    img.values[2 * 10 + 7] = 3; // centre (7.5, 2.5)
    expect(centreOfMass(img)).toEqual({ x: (1.5 + 3 * 7.5) / 4, y: 2.5 });
    expect(centreOfMass(blank(3, 3))).toBeNull();
  });
});

describe('resampleBox', () => {
  it('keeps the mean ink of a region when shrinking it by area', () => {
    const img = fillRect(blank(40, 40), 0, 0, 20, 40); // left half inked
    const out = resampleBox(img, { x0: 0, y0: 0, x1: 40, y1: 40 }, 3, 3);
    // The middle column straddles the edge: a third of 40 px is 13.33, of which 6.67 are inked.
    expect(out.values[0]).toBeCloseTo(1, 6);
    expect(out.values[1]).toBeCloseTo(0.5, 6);
    expect(out.values[2]).toBeCloseTo(0, 6);
  });
});

describe('toMnistInput', () => {
  it('is null when nothing is drawn', () => {
    expect(toMnistInput(blank(280, 280))).toBeNull();
  });

  it('fits a tall stroke into 20 rows, keeps its aspect ratio and centres its mass', () => {
    // A 20 x 200 px bar somewhere off-centre on a 280 x 280 pad.
    const out = toMnistInput(fillRect(blank(280, 280), 30, 60, 20, 200))!;
    const box = boundingBox(field(out))!;
    expect(box.y1 - box.y0).toBe(BOX);
    expect(box.x1 - box.x0).toBe(2);
    const com = centreOfMass(field(out))!;
    expect(Math.abs(com.x - FIELD / 2)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com.y - FIELD / 2)).toBeLessThanOrEqual(0.5);
  });

  it('moves the centre of mass, not the box centre, to the middle', () => {
    // A "T": the bar puts the mass above the box centre, so the box moves down.
    const img = fillRect(fillRect(blank(100, 100), 10, 10, 80, 6), 45, 16, 10, 74);
    const out = field(toMnistInput(img)!);
    const com = centreOfMass(out)!;
    expect(Math.abs(com.x - FIELD / 2)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com.y - FIELD / 2)).toBeLessThanOrEqual(0.5);
    const box = boundingBox(out)!;
    expect(box.y1 - box.y0).toBe(BOX);
    expect((box.y0 + box.y1) / 2 - FIELD / 2).toBeGreaterThanOrEqual(2);
  });

  it('keeps the whole digit in the field when its mass is far off-centre', () => {
    // A heavy foot would need the box to move past the edge: it stops at the edge, ink kept.
    const img = fillRect(fillRect(blank(100, 100), 10, 10, 8, 80), 10, 70, 80, 20);
    const out = toMnistInput(img)!;
    const box = boundingBox(field(out))!;
    expect(box).toEqual({ x0: box.x0, y0: 0, x1: box.x0 + BOX, y1: BOX });
    const ink = (v: Float32Array) => v.reduce((a, b) => a + b, 0);
    const fitted = resampleBox(img, boundingBox(img)!, BOX, BOX);
    expect(ink(out)).toBeCloseTo(ink(fitted.values), 3);
  });

  it('scales a tiny dot up to the box and stays within 0..1', () => {
    const out = toMnistInput(fillRect(blank(280, 280), 100, 100, 2, 2, 0.8))!;
    expect(boundingBox(field(out))).toEqual({ x0: 4, y0: 4, x1: 24, y1: 24 });
    expect(Math.max(...out)).toBeLessThanOrEqual(1);
    expect(Math.max(...out)).toBeCloseTo(0.8, 5);
  });
});
