import { describe, expect, it } from 'vitest';
import { linePath, ticks, timeScale, valueScale } from './plot';
import { planSentence } from '../goals/plan-words';
import { trendsOf } from './trend';

const box = { width: 100, height: 60, left: 10, right: 10, top: 10, bottom: 10 };

describe('our own chart arithmetic', () => {
  it('spreads time across the box, and puts one moment alone in the middle', () => {
    const x = timeScale([0, 50, 100], box);
    expect([x(0), x(50), x(100)]).toEqual([10, 50, 90]);
    expect(timeScale([7], box)(7)).toBe(50);
  });

  it('puts higher values higher up, clamped to the scale', () => {
    const y = valueScale(0, 10, box);
    expect([y(0), y(10), y(5), y(20)]).toEqual([50, 10, 30, 10]);
  });

  it('draws a path through the points and gives whole-number ticks', () => {
    expect(
      linePath([
        { x: 1.234, y: 2 },
        { x: 3, y: 4.56 },
      ]),
    ).toBe('M1.2 2 L3 4.6');
    expect(ticks(0, 40)).toEqual([0, 20, 40]);
  });

  it('says a plan change in plain words', () => {
    expect(planSentence({ kind: 'participant_changed', name: 'Mum', field: 'agreed', after: 'false' })).toEqual({
      key: 'participantDisagreed',
      name: 'Mum',
    });
    expect(planSentence({ kind: 'goal_added', text: 'Cook on Sundays' })).toEqual({
      key: 'goalAdded',
      text: 'Cook on Sundays',
    });
  });
});

describe('check-in trends', () => {
  const instrument = (key: string) => ({ id: `${key}-id`, key, version: '1.0', title: key });
  const checkin = (key: string, completedAt: string, total: number | null, alerts: unknown[] = []) =>
    ({ id: `${key}-${completedAt}`, instrument: instrument(key), completedAt, total, alerts }) as never;

  it('groups by instrument, oldest first, leaves out check-ins without a total, and marks contacts in between', () => {
    const trends = trendsOf(
      [
        checkin('b', '2026-03-01T10:00:00Z', 30, [{ kind: 'total_low' }]),
        checkin('b', '2026-01-01T10:00:00Z', 36),
        checkin('a', '2026-02-01T10:00:00Z', 5),
        checkin('a', '2026-02-02T10:00:00Z', null),
      ],
      [],
      [
        { id: 'c1', status: 'made', actualStart: '2026-02-01T09:00:00Z', plannedStart: null, receivedAt: null },
        { id: 'c2', status: 'cancelled', actualStart: null, plannedStart: '2026-02-01T09:00:00Z', receivedAt: null },
        { id: 'c3', status: 'made', actualStart: '2025-12-01T09:00:00Z', plannedStart: null, receivedAt: null },
      ],
    );
    expect(trends.map((trend) => trend.instrumentKey)).toEqual(['a', 'b']);
    const b = trends[1]!;
    expect(b.points.map((point) => point.total)).toEqual([36, 30]);
    expect(b.points.map((point) => point.alerted)).toEqual([false, true]);
    expect(b.contacts.map((contact) => contact.id)).toEqual(['c1']);
    expect(b.points[0]!.x).toBeLessThan(b.contacts[0]!.x);
    expect(trends[0]!.points).toHaveLength(1);
  });
});
