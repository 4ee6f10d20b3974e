/**
 * Our own small chart arithmetic (no chart library): values on a fixed scale against calendar time,
 * as SVG coordinates inside a box with padding for the axis labels.
 */

export interface PlotBox {
  width: number;
  height: number;
  /** Room on the left for the scale, at the bottom for dates, and around the edges. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const defaultBox: PlotBox = { width: 320, height: 160, left: 32, right: 12, top: 12, bottom: 28 };

/** Milliseconds of a calendar date (`YYYY-MM-DD`) or an ISO date-time. */
export function timeOf(value: string): number {
  return Date.parse(value.length === 10 ? `${value}T12:00:00Z` : value);
}

/** A function from time to x: the whole span across the box; one moment alone sits in the middle. */
export function timeScale(times: number[], box: PlotBox): (time: number) => number {
  const first = Math.min(...times);
  const last = Math.max(...times);
  const span = last - first;
  const inner = box.width - box.left - box.right;
  if (times.length === 0 || span === 0) {
    return () => box.left + inner / 2;
  }
  return (time) => box.left + ((time - first) / span) * inner;
}

/** A function from a value on [min, max] to y (higher values higher up), clamped to the scale. */
export function valueScale(min: number, max: number, box: PlotBox): (value: number) => number {
  const inner = box.height - box.top - box.bottom;
  return (value) => {
    const clamped = Math.min(max, Math.max(min, value));
    return box.top + (1 - (clamped - min) / (max - min || 1)) * inner;
  };
}

export interface PlottedPoint {
  x: number;
  y: number;
}

/** An SVG path through the points in order ("M x y L x y …"), rounded to tenths. */
export function linePath(points: PlottedPoint[]): string {
  const round = (n: number) => Math.round(n * 10) / 10;
  return points.map((point, index) => `${index === 0 ? 'M' : 'L'}${round(point.x)} ${round(point.y)}`).join(' ');
}

/** Evenly spaced whole-number ticks from min to max (at most `count` + 1 of them). */
export function ticks(min: number, max: number, count = 2): number[] {
  const step = Math.max(1, Math.ceil((max - min) / count));
  const values: number[] = [];
  for (let value = min; value < max; value += step) {
    values.push(value);
  }
  values.push(max);
  return values;
}
