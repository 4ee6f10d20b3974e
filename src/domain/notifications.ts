import { z } from 'zod';

export const notification = z
  .object({
    id: z.uuid(),
    kind: z.enum(['break_glass']),
    createdAt: z.iso.datetime(),
    read: z.boolean(),
    actor: z
      .object({ id: z.uuid(), displayName: z.string() })
      .nullable()
      .describe('Who did what the notification is about'),
    person: z
      .object({ id: z.uuid(), fullName: z.string() })
      .nullable()
      .describe('Only when the reader may open that record; otherwise null ("a record outside your teams")'),
    reason: z.string().nullable(),
    expiresAt: z.iso.datetime().nullable().describe('For break-glass: when that access ends'),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof notification>;

export const notificationIdParams = z.object({ notificationId: z.uuid() }).strict();
