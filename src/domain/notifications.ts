import { z } from 'zod';

export const notification = z
  .object({
    id: z.uuid(),
    kind: z.enum(['break_glass']),
    createdAt: z.iso.datetime(),
    read: z.boolean(),
    message: z.string(),
    reason: z.string().nullable(),
    personId: z.uuid().nullable().describe('Only when the reader may open that record'),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof notification>;

export const notificationIdParams = z.object({ notificationId: z.uuid() }).strict();
