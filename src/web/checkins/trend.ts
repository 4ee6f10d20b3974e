import type { CheckinResponse, Instrument } from '../../domain/checkins.js';
import type { Contact } from '../../domain/contacts.js';
import { defaultBox, linePath, ticks, timeOf, timeScale, valueScale, type PlotBox } from './plot';

export interface TrendPoint {
  id: string;
  completedAt: string;
  total: number;
  alerted: boolean;
  x: number;
  y: number;
}

export interface Trend {
  instrumentKey: string;
  title: string;
  min: number;
  max: number;
  /** Oldest first. */
  points: TrendPoint[];
  path: string;
  /** The person's contacts inside the time line, as ticks along the bottom. */
  contacts: { id: string; at: string; x: number }[];
  yTicks: { value: number; y: number }[];
  box: PlotBox;
}

/** The range of an instrument's total: a sum of items adds their ranges, a mean keeps one item's. */
export function totalRange(instrument: Instrument | undefined): { min: number; max: number } | null {
  const total = instrument?.definition.scoring.total;
  if (!instrument || !total) {
    return null;
  }
  let min = 0;
  let max = 0;
  let counted = 0;
  for (const id of total.items) {
    const item = instrument.definition.items.find((candidate) => candidate.linkId === id);
    if (item?.type === 'scale') {
      min += item.min;
      max += item.max;
    } else if (item?.type === 'choice') {
      const scores = item.options.map((option) => option.score ?? 0);
      min += Math.min(...scores);
      max += Math.max(...scores);
    }
    counted += 1;
  }
  if (total.method === 'mean' && counted > 0) {
    return { min: min / counted, max: max / counted };
  }
  return { min, max };
}

/** When a contact happened (or was planned), for marking it on the time line. */
export function contactTime(contact: Pick<Contact, 'actualStart' | 'plannedStart' | 'receivedAt'>): string | null {
  return contact.actualStart ?? contact.receivedAt ?? contact.plannedStart;
}

/**
 * One trend per instrument (their totals have different ranges), oldest first, scaled into the box;
 * check-ins without a total are left out. Contacts made between the first and the last check-in are
 * marked on the same time line.
 */
export function trendsOf(
  checkins: CheckinResponse[],
  instruments: Instrument[],
  contacts: Pick<Contact, 'id' | 'status' | 'actualStart' | 'plannedStart' | 'receivedAt'>[],
  box: PlotBox = defaultBox,
): Trend[] {
  const byKey = new Map<string, CheckinResponse[]>();
  for (const checkin of checkins) {
    if (checkin.total === null) {
      continue;
    }
    const list = byKey.get(checkin.instrument.key) ?? [];
    list.push(checkin);
    byKey.set(checkin.instrument.key, list);
  }
  const trends: Trend[] = [];
  for (const [key, list] of byKey) {
    const ordered = [...list].sort((a, b) => timeOf(a.completedAt) - timeOf(b.completedAt));
    const instrument =
      instruments.find((candidate) => candidate.id === ordered.at(-1)!.instrument.id) ??
      instruments.find((candidate) => candidate.key === key);
    const totals = ordered.map((checkin) => checkin.total!);
    const range = totalRange(instrument) ?? { min: 0, max: Math.max(...totals) };
    const times = ordered.map((checkin) => timeOf(checkin.completedAt));
    const [first, last] = [Math.min(...times), Math.max(...times)];
    const marked = contacts
      .filter((contact) => contact.status === 'made' || contact.status === 'attempted')
      .map((contact) => ({ id: contact.id, at: contactTime(contact) }))
      .filter((contact): contact is { id: string; at: string } => contact.at !== null)
      .filter((contact) => timeOf(contact.at) >= first && timeOf(contact.at) <= last)
      .sort((a, b) => timeOf(a.at) - timeOf(b.at));
    const x = timeScale(times, box);
    const y = valueScale(range.min, range.max, box);
    const points = ordered.map((checkin, index) => ({
      id: checkin.id,
      completedAt: checkin.completedAt,
      total: totals[index]!,
      alerted: checkin.alerts.length > 0,
      x: x(times[index]!),
      y: y(totals[index]!),
    }));
    trends.push({
      instrumentKey: key,
      title: ordered.at(-1)!.instrument.title,
      min: range.min,
      max: range.max,
      points,
      path: linePath(points),
      contacts: marked.map((contact) => ({ ...contact, x: x(timeOf(contact.at)) })),
      yTicks: ticks(range.min, range.max).map((value) => ({ value, y: y(value) })),
      box,
    });
  }
  return trends.sort((a, b) => a.title.localeCompare(b.title));
}
