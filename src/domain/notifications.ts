import { z } from 'zod';
import { calendarDate } from './dates.js';

export const notificationKinds = [
  'break_glass',
  'promise_due',
  'promise_overdue',
  'checkin_overdue',
  'date_coming_up',
  'checkin_prompt',
  'checkin_signal',
] as const;

export const notification = z
  .object({
    id: z.uuid(),
    kind: z.enum(notificationKinds),
    createdAt: z.iso.datetime(),
    read: z.boolean(),
    actor: z
      .object({ id: z.uuid(), displayName: z.string() })
      .nullable()
      .describe('Who did what the notification is about (break-glass)'),
    person: z
      .object({ id: z.uuid(), fullName: z.string() })
      .nullable()
      .describe('Only when the reader may open that record; otherwise null ("a record outside your teams")'),
    reason: z.string().nullable().describe('Break-glass: the reason given'),
    expiresAt: z.iso.datetime().nullable().describe('Break-glass: when that access ends'),
    about: z.string().nullable().describe('Reminders: what it is about — the promise, the thing to remember'),
    dueOn: calendarDate.nullable().describe('Reminders: the date it is due or comes round'),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof notification>;

export const notificationIdParams = z.object({ notificationId: z.uuid() }).strict();
