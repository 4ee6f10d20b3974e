import { z } from 'zod';

export const roles = ['practitioner', 'supervisor', 'manager', 'administrator'] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

/** Roles that work with the people supported; an administrator manages staff, not case content. */
export const caseRoles: readonly Role[] = ['practitioner', 'supervisor', 'manager'];

export const roleLabels: Record<Role, string> = {
  practitioner: 'Practitioner',
  supervisor: 'Supervisor',
  manager: 'Manager',
  administrator: 'Administrator',
};
