import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SessionResponse } from '../../domain/auth.js';
import { api, setCsrfToken, setUnauthenticatedHandler } from '../api/client';
import { announceSignOut, noteActivity, onSignOutElsewhere } from './activity';
import { SessionContext, type SessionContextValue, type SessionState, type SignOutReason } from './session-context';

const sessionPath = '/api/auth/session';

function idleMinutesOf(state: SessionState | null): number {
  return state?.status === 'signed-in' ? Math.round(state.session.idleTimeoutSeconds / 60) : 30;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SessionState>({ status: 'checking' });

  // Personal data leaves the screen first (state and cache), then the server is told.
  const clearLocally = useCallback(
    (reason: SignOutReason) => {
      setCsrfToken(null);
      queryClient.clear();
      // A late 401 must not overwrite the reason already shown (e.g. "signed out after 30 minutes").
      setState((current) =>
        current.status === 'signed-out'
          ? current
          : { status: 'signed-out', reason, idleMinutes: idleMinutesOf(current) },
      );
    },
    [queryClient],
  );

  const signOut = useCallback(
    (reason: SignOutReason) => {
      const request = api.post('/api/auth/logout', undefined, { expectUnauthenticated: true });
      clearLocally(reason);
      announceSignOut();
      request.catch(() => undefined); // the session ends on the server by itself if this fails
    },
    [clearLocally],
  );

  const signedIn = useCallback(
    (session: SessionResponse) => {
      queryClient.clear();
      setCsrfToken(session.csrfToken);
      noteActivity();
      setState({ status: 'signed-in', session });
    },
    [queryClient],
  );

  const refreshSession = useCallback(async () => {
    const session = await api.get<SessionResponse>(sessionPath);
    setCsrfToken(session.csrfToken);
    setState({ status: 'signed-in', session });
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => clearLocally('ended'));
    const stopListening = onSignOutElsewhere(() => clearLocally('signed-out'));
    let cancelled = false;
    api
      .get<SessionResponse>(sessionPath, { expectUnauthenticated: true })
      .then((session) => {
        if (!cancelled) {
          setCsrfToken(session.csrfToken);
          setState({ status: 'signed-in', session });
        }
      })
      .catch(() => {
        if (!cancelled) {
          setState({ status: 'signed-out', reason: null, idleMinutes: idleMinutesOf(null) });
        }
      });
    return () => {
      cancelled = true;
      stopListening();
    };
  }, [clearLocally]);

  const value = useMemo<SessionContextValue>(
    () => ({ state, signedIn, signOut, refreshSession }),
    [state, signedIn, signOut, refreshSession],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
