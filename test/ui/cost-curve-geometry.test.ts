import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  firstAtOrAfter,
  logTicks,
  nearestPoint,
  seriesPaths,
  stepPoint,
  xPixel,
  yPixel,
} from '../../src/ui/charts/cost-curve-geometry';
import type { CurvePoint } from '../../src/ui/charts/chart-data';

const AREA = { left: 10, top: 20, width: 100, height: 50 };
const DOMAIN = [1e3, 1e5] as const;
const COST = [10, 1000] as const;
const point = (tokensPerDay: number, values: Record<string, number>) =>
  ({ tokensPerDay, ...values }) as CurvePoint;

describe('xPixel and yPixel', () => {
  it('place decades evenly on both log axes', () => {
    expect(xPixel(1e3, DOMAIN, AREA)).toBe(10);
    expect(xPixel(1e4, DOMAIN, AREA)).toBeCloseTo(60, 9);
    expect(xPixel(1e5, DOMAIN, AREA)).toBeCloseTo(110, 9);
    expect(yPixel(10, COST, AREA)).toBe(70);
    expect(yPixel(100, COST, AREA)).toBeCloseTo(45, 9);
    expect(yPixel(1000, COST, AREA)).toBeCloseTo(20, 9);
  });

  it('hold amounts outside the money axis (zero included) inside the plot', () => {
    expect(yPixel(0, COST, AREA)).toBe(70);
    expect(yPixel(1, COST, AREA)).toBe(70);
    expect(yPixel(1e6, COST, AREA)).toBe(20);
  });
});

describe('seriesPaths', () => {
  it('draws each series through its points, one decimal per coordinate', () => {
    const points = [
      point(1e3, { s0: 10, s1: 1000 }),
      point(1e4, { s0: 100, s1: 1000 }),
      point(1e5, { s0: 1000, s1: 31.6227766 }),
    ];
    expect(seriesPaths(points, ['s0', 's1'], DOMAIN, COST, AREA)).toEqual([
      'M10,70L60,45L110,20',
      'M10,20L60,20L110,57.5',
    ]);
  });

  it('leaves out points beyond the volume axis and breaks the line at a missing value', () => {
    const points = [
      point(1e2, { s0: 100 }),
      point(1e3, { s0: 100 }),
      point(1e4, {}),
      point(1e5, { s0: 100 }),
      point(1e6, { s0: 100 }),
    ];
    expect(seriesPaths(points, ['s0'], DOMAIN, COST, AREA)).toEqual(['M10,45M110,45']);
  });

  it('draws nothing for no points, and a vertical jump for two points at one volume', () => {
    expect(seriesPaths([], ['s0'], DOMAIN, COST, AREA)).toEqual(['']);
    const step = [point(1e4, { s0: 10 }), point(1e4 * (1 + 1e-9), { s0: 1000 })];
    expect(seriesPaths(step, ['s0'], DOMAIN, COST, AREA)).toEqual(['M60,70L60,20']);
  });
});

describe('logTicks', () => {
  it('gives every decade, with its 3x only where a decade has the room', () => {
    expect(logTicks([1e5, 1e10], 700)).toEqual([1e5, 1e6, 1e7, 1e8, 1e9, 1e10]);
    expect(logTicks([1e3, 1e5], 200, 60)).toEqual([1e3, 3e3, 1e4, 3e4, 1e5]);
    expect(logTicks([1e3, 1e6], 150, 60)).toEqual([1e3, 1e4, 1e5, 1e6]);
  });
});

// Volumes as chart-data makes them: a grid with both sides of each step a billionth apart.
const VOLUMES = [1e3, 2e3, 5e3, 5e3 * (1 + 1e-9), 1e4, 2e4 * (1 - 1e-9), 2e4, 5e4];

describe('nearestPoint', () => {
  it('finds the nearest volume on the log axis', () => {
    expect(nearestPoint(VOLUMES, 900)).toBe(0);
    expect(nearestPoint(VOLUMES, 1.5e3)).toBe(1); // log-nearer 2K than 1K
    expect(nearestPoint(VOLUMES, 8e3)).toBe(4);
    expect(nearestPoint(VOLUMES, 1e9)).toBe(7);
    expect(nearestPoint([], 1e3)).toBe(-1);
  });

  it('picks the later point of a step (the cost from that volume on)', () => {
    expect(nearestPoint(VOLUMES, 5e3)).toBe(3);
    expect(nearestPoint(VOLUMES, 4.9e3)).toBe(3);
    expect(nearestPoint(VOLUMES, 2e4)).toBe(6);
  });

  it('is never farther than any other point (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1e12, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 1, max: 1e12, noNaN: true }),
        (raw, v) => {
          const volumes = [...raw].sort((a, b) => a - b);
          const i = nearestPoint(volumes, v);
          const d = (j: number) => Math.abs(Math.log(volumes[j] as number) - Math.log(v));
          return volumes.every((_, j) => d(i) <= d(j) + 1e-6);
        },
      ),
    );
  });
});

describe('stepPoint', () => {
  it('moves one volume at a time, treating both sides of a step as one place', () => {
    const right: number[] = [0];
    for (let k = 0; k < 8; k++) right.push(stepPoint(VOLUMES, right.at(-1) as number, 1));
    expect(right).toEqual([0, 1, 3, 4, 6, 7, 7, 7, 7]);
    const left: number[] = [7];
    for (let k = 0; k < 7; k++) left.push(stepPoint(VOLUMES, left.at(-1) as number, -1));
    expect(left).toEqual([7, 6, 4, 3, 1, 0, 0, 0]);
    // From the first side of a step, back is the point before the step.
    expect(stepPoint(VOLUMES, 2, -1)).toBe(1);
  });
});

describe('firstAtOrAfter', () => {
  it('finds the first volume at or above a value', () => {
    expect(firstAtOrAfter(VOLUMES, 500)).toBe(0);
    expect(firstAtOrAfter(VOLUMES, 2e3)).toBe(1);
    expect(firstAtOrAfter(VOLUMES, 2.1e3)).toBe(2);
    expect(firstAtOrAfter(VOLUMES, 1e6)).toBe(8);
  });
});
