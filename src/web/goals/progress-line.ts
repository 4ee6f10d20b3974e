import type { GoalView } from '../../domain/plans.js';
import { linePath, timeOf, timeScale, valueScale, type PlotBox } from '../checkins/plot';

export const progressBox: PlotBox = { width: 240, height: 96, left: 24, right: 8, top: 8, bottom: 8 };

/** The person's own 0–10 ratings of a goal, oldest first, as points of a small line. */
export function progressLine(progress: GoalView['progress'], box: PlotBox = progressBox) {
  const ordered = [...progress].sort((a, b) => timeOf(a.ratedOn) - timeOf(b.ratedOn));
  const x = timeScale(
    ordered.map((rating) => timeOf(rating.ratedOn)),
    box,
  );
  const y = valueScale(0, 10, box);
  const points = ordered.map((rating) => ({ ...rating, x: x(timeOf(rating.ratedOn)), y: y(rating.score) }));
  return { points, path: linePath(points), yTicks: [0, 5, 10].map((value) => ({ value, y: y(value) })) };
}
