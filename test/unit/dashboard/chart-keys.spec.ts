import { movePoint, pointOrder } from '../../../apps/dashboard/src/charts/chart-keys';

describe('reading a chart from the keyboard', () => {
  it('visits the points category by category, each shown series within it', () => {
    expect(pointOrder(2, [0, 2])).toEqual([
      { datasetIndex: 0, index: 0 },
      { datasetIndex: 2, index: 0 },
      { datasetIndex: 0, index: 1 },
      { datasetIndex: 2, index: 1 },
    ]);
    expect(pointOrder(3, [])).toEqual([]);
  });

  it('moves to the next point with → or ↓ and the previous with ← or ↑, stopping at either end', () => {
    expect(movePoint(0, 'ArrowRight', 3)).toBe(1);
    expect(movePoint(1, 'ArrowDown', 3)).toBe(2);
    expect(movePoint(2, 'ArrowRight', 3)).toBe(2);
    expect(movePoint(2, 'ArrowLeft', 3)).toBe(1);
    expect(movePoint(1, 'ArrowUp', 3)).toBe(0);
    expect(movePoint(0, 'ArrowLeft', 3)).toBe(0);
  });

  it('starts at the first point from none, and Home and End go to the first and last', () => {
    expect(movePoint(null, 'ArrowRight', 3)).toBe(0);
    expect(movePoint(null, 'ArrowLeft', 3)).toBe(0);
    expect(movePoint(1, 'Home', 3)).toBe(0);
    expect(movePoint(null, 'End', 3)).toBe(2);
  });

  it('ignores other keys, and a chart without points', () => {
    expect(movePoint(1, 'Tab', 3)).toBeNull();
    expect(movePoint(1, 'Enter', 3)).toBeNull();
    expect(movePoint(null, 'ArrowRight', 0)).toBeNull();
  });
});
