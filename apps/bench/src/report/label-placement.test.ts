import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { labelPlacementSource } from './label-placement';

interface Spot {
  x: number;
  y: number;
}
type PlaceLabels = (
  points: Array<{ x: number; y: number; width: number }>,
  area: { left: number; top: number; right: number; bottom: number },
  height: number,
) => Spot[];

const placeLabels = runInNewContext(`${labelPlacementSource}; placeLabels`) as PlaceLabels;
const area = { left: 40, top: 0, right: 600, bottom: 360 };

function overlap(a: Spot & { width: number }, b: Spot & { width: number }, height: number): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + height && b.y < a.y + height;
}

describe('placeLabels (the spend-vs-success chart labels)', () => {
  it('stacks the labels of arms at the same spot instead of printing them over one another', () => {
    // The demo's shape: five arms at one success rate, four of them within a few pixels.
    const points = [
      { x: 120, y: 150, width: 40 },
      { x: 124, y: 150, width: 70 },
      { x: 128, y: 150, width: 60 },
      { x: 131, y: 150, width: 100 },
      { x: 420, y: 150, width: 60 },
    ];
    const spots = placeLabels(points, area, 14);
    const boxes = spots.map((spot, i) => ({ ...spot, width: points[i]?.width ?? 0 }));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        expect(overlap(boxes[i] as Spot & { width: number }, boxes[j] as Spot & { width: number }, 14)).toBe(false);
      }
    }
    for (const box of boxes) {
      expect(box.x).toBeGreaterThanOrEqual(area.left);
      expect(box.x + box.width).toBeLessThanOrEqual(area.right);
      expect(box.y).toBeGreaterThanOrEqual(area.top);
    }
    // A lone point keeps the first choice: to its right, above it.
    expect(spots[4]).toEqual({ x: 428, y: 128 });
  });

  it('labels a point at the right edge on its left rather than cutting the label off', () => {
    const [spot] = placeLabels([{ x: 590, y: 100, width: 80 }], area, 14);
    expect(spot).toEqual({ x: 590 - 8 - 80, y: 78 });
  });
});
