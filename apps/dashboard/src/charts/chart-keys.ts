// Reading a chart from the keyboard: which point a key moves to. Pure, so it is unit tested.

export interface PointRef {
  datasetIndex: number;
  index: number;
}

/**
 * The points in reading order: category by category (a bar, a month), each shown series within it, as the table
 * reads row by row.
 */
export function pointOrder(categories: number, shownDatasets: readonly number[]): PointRef[] {
  const points: PointRef[] = [];
  for (let index = 0; index < categories; index++) {
    for (const datasetIndex of shownDatasets) points.push({ datasetIndex, index });
  }
  return points;
}

/**
 * Where a key moves from `current` (null: no point yet) among `count` points: the next with → or ↓, the previous
 * with ← or ↑ (the first one from none), Home and End the first and last. Null for any other key.
 */
export function movePoint(current: number | null, key: string, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return current === null ? 0 : Math.min(current + 1, count - 1);
    case 'ArrowLeft':
    case 'ArrowUp':
      return current === null ? 0 : Math.max(current - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
