import { z } from 'zod';
import { answerValue, instrumentDefinition } from './instruments.js';

/** An instrument as the organisation holds it: a loaded, versioned definition. */
export const instrument = z
  .object({
    id: z.uuid(),
    key: z.string(),
    version: z.string(),
    title: z.string(),
    validated: z.boolean(),
    shipped: z.boolean().describe('Shipped with Rapport (its own, CC BY), or loaded by the organisation'),
    definition: instrumentDefinition,
    loadedAt: z.iso.datetime(),
  })
  .meta({ id: 'Instrument' });
export type Instrument = z.infer<typeof instrument>;

export const instrumentIdParams = z.object({ instrumentId: z.uuid() }).strict();

export const checkinModes = ['handed_over', 'together', 'portal'] as const;

export const checkinRequest = z
  .object({
    instrumentId: z.uuid(),
    answers: z.record(z.string().max(40), answerValue.nullable()).describe('By item linkId'),
    mode: z.enum(['handed_over', 'together']).describe('Handed over on this device, or filled in together'),
  })
  .strict();
export type CheckinRequest = z.infer<typeof checkinRequest>;

export const checkinAlert = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('item_low'), linkId: z.string(), value: z.number(), threshold: z.number() }),
  z.object({ kind: z.literal('total_low'), total: z.number(), threshold: z.number() }),
  z.object({
    kind: z.literal('total_drop'),
    total: z.number(),
    baseline: z.number(),
    drop: z.number(),
    reliableChange: z.number(),
  }),
]);

export const checkinResponse = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    instrument: z.object({ id: z.uuid(), key: z.string(), version: z.string(), title: z.string() }),
    answers: z.record(z.string(), z.union([z.number(), z.string()])),
    total: z.number().nullable(),
    subscales: z.record(z.string(), z.number().nullable()),
    alerts: z.array(checkinAlert).describe('What starts a conversation: never a judgement'),
    mode: z.enum(checkinModes),
    completedAt: z.iso.datetime(),
    recordedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  })
  .meta({ id: 'CheckinResponse' });
export type CheckinResponse = z.infer<typeof checkinResponse>;
