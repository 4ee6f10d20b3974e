import { z } from 'zod';
import { role } from './roles.js';
import { lineOfText } from './text.js';

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(254)
  .email('Enter an email address like name@example.org');

/** Checked again on the server against the common-password list (SECURITY.md check 2). */
export const newPassword = z
  .string()
  .max(256, 'Use at most 256 characters')
  .refine((value) => [...value.normalize('NFC')].length >= 8, 'Use at least 8 characters');

export const totpCode = z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app');

export const loginRequest = z
  .object({
    email: lineOfText({ max: 254, required: 'Enter your email address' }),
    password: z.string().min(1, 'Enter your password').max(256),
    totpCode: totpCode.optional(),
  })
  .strict();
export type LoginRequest = z.infer<typeof loginRequest>;

export const sessionUser = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    role,
    secondFactorEnabled: z.boolean(),
  })
  .meta({ id: 'SessionUser' });
export type SessionUser = z.infer<typeof sessionUser>;

export const sessionResponse = z
  .object({
    user: sessionUser,
    csrfToken: z.string(),
    idleTimeoutSeconds: z.number().int(),
    expiresAt: z.iso.datetime().describe('When the session ends however active it is'),
    absoluteTimeoutHours: z.number().describe('The longest a session lasts'),
    breakGlassMinutes: z.number().int().describe('How long emergency access lasts'),
  })
  .meta({ id: 'Session' });
export type SessionResponse = z.infer<typeof sessionResponse>;

export const changePasswordRequest = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password').max(256),
    newPassword,
    endOtherSessions: z.boolean().default(true),
  })
  .strict();
export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>;

export const sessionSummary = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type SessionSummary = z.infer<typeof sessionSummary>;

export const totpEnrolment = z.object({
  secret: z.string().describe('Base32 secret to type into an authenticator app'),
  otpauthUri: z.string(),
});
export type TotpEnrolment = z.infer<typeof totpEnrolment>;

export const totpConfirmRequest = z.object({ code: totpCode }).strict();
export const totpDisableRequest = z.object({ password: z.string().min(1).max(256), code: totpCode }).strict();
