import type { Cadence } from '../../domain/cadence.js';

/** The rhythms people usually agree, in days; anything else is typed as a number. */
export const presets = ['7', '14', '21', '28', '42', '56', '91'] as const;
export type Preset = (typeof presets)[number] | 'other';

export function presetFor(everyDays: number | null): Preset {
  const value = String(everyDays);
  return (presets as readonly string[]).includes(value) ? (value as Preset) : 'other';
}

/** The number of days chosen: a preset, or the typed number (null when it is not a whole number). */
export function everyDaysFrom(preset: Preset, typed: string): number | null {
  if (preset !== 'other') {
    return Number(preset);
  }
  return /^\s*\d+\s*$/.test(typed) ? Number(typed) : null;
}

/** Who a rhythm is with, as a form value: the person ('person') or a member's id. */
export type RhythmWith = 'person' | `member:${string}`;

export function rhythmWith(cadence: Pick<Cadence, 'networkMember'>): RhythmWith {
  return cadence.networkMember ? `member:${cadence.networkMember.id}` : 'person';
}

export function memberIdOf(choice: RhythmWith): string | null {
  return choice === 'person' ? null : choice.slice('member:'.length);
}

/** The person's own rhythm first, then each network member's, by name. */
export function rhythmOrder<Item extends Pick<Cadence, 'networkMember'>>(items: Item[]): Item[] {
  return [...items].sort((a, b) => {
    if (!a.networkMember || !b.networkMember) {
      return a.networkMember ? 1 : b.networkMember ? -1 : 0;
    }
    return a.networkMember.name.localeCompare(b.networkMember.name);
  });
}
