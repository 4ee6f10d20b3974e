import { z } from 'zod';
import { email, newPassword } from './auth.js';
import { role } from './roles.js';
import { lineOfText } from './text.js';

export const displayName = lineOfText({ max: 120, required: 'Enter a name' });

export const staffMember = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    role,
    teamIds: z.array(z.uuid()),
    disabled: z.boolean(),
    secondFactorEnabled: z.boolean(),
  })
  .meta({ id: 'StaffMember' });
export type StaffMember = z.infer<typeof staffMember>;

export const createStaffRequest = z
  .object({
    email,
    displayName,
    role,
    teamIds: z.array(z.uuid()).max(20).default([]),
    initialPassword: newPassword.describe('Given to the new colleague, who changes it after signing in'),
  })
  .strict();
export type CreateStaffRequest = z.infer<typeof createStaffRequest>;

export const updateStaffRequest = z
  .object({
    displayName: displayName.optional(),
    role: role.optional(),
    teamIds: z.array(z.uuid()).max(20).optional(),
    disabled: z.boolean().optional(),
  })
  .strict();
export type UpdateStaffRequest = z.infer<typeof updateStaffRequest>;

export const team = z.object({ id: z.uuid(), name: z.string(), memberIds: z.array(z.uuid()) }).meta({ id: 'Team' });
export type Team = z.infer<typeof team>;

export const createTeamRequest = z.object({ name: lineOfText({ max: 120, required: 'Enter a team name' }) }).strict();

export const colleague = z.object({ id: z.uuid(), displayName: z.string(), role, teamIds: z.array(z.uuid()) });
export type Colleague = z.infer<typeof colleague>;

export const staffIdParams = z.object({ userId: z.uuid() }).strict();
export const teamIdParams = z.object({ teamId: z.uuid() }).strict();
