import type { Role } from '../../domain/roles.js';

/** Who is acting: every domain function that touches personal data takes one. */
export interface Actor {
  organisationId: string;
  userId: string;
  role: Role;
  displayName: string;
  /** The session, when the action comes through the API. */
  sessionId: string | null;
  /** Client address as seen by the server (audited). */
  sourceAddress: string | null;
}
