import { createContext, useContext } from 'react';
import type { SessionResponse } from '../../domain/auth.js';

/** Why the user is looking at the sign-in page, so it can say so calmly. */
export type SignOutReason = 'idle' | 'expired' | 'ended' | 'signed-out';

export type SessionState =
  | { status: 'checking' }
  | { status: 'signed-out'; reason: SignOutReason | null; idleMinutes: number }
  | { status: 'signed-in'; session: SessionResponse };

export interface SessionContextValue {
  state: SessionState;
  /** After a successful sign-in. */
  signedIn: (session: SessionResponse) => void;
  /** Ends the session on the server and clears everything personal from the screen and the cache. */
  signOut: (reason: SignOutReason) => void;
  /** Asks the server for the session again (keeps it alive; "Stay signed in"). */
  refreshSession: () => Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSessionContext(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) {
    throw new Error('useSessionContext must be used inside <SessionProvider>');
  }
  return value;
}

/** The signed-in session; only for pages behind <RequireSession>. */
export function useSession(): SessionResponse {
  const { state } = useSessionContext();
  if (state.status !== 'signed-in') {
    throw new Error('useSession needs a signed-in user');
  }
  return state.session;
}
