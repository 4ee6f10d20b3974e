import { useCallback, useEffect, useRef, useState } from 'react';
import { api, setApiCallListener } from '../api/client';
import { millisecondsSinceActivity, noteActivity } from './activity';
import type { SignOutReason } from './session-context';

const warningMilliseconds = 2 * 60_000;
/** A user who is busy on the page without calling the API still keeps the server session alive. */
const keepAliveEveryMilliseconds = 60_000;
const activityEvents = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

interface IdleOptions {
  idleTimeoutSeconds: number;
  expiresAt: string;
  signOut: (reason: SignOutReason) => void;
  refreshSession: () => Promise<void>;
}

/**
 * Automatic sign-out (SECURITY.md check 4): a warning two minutes before the idle limit, then sign-out
 * at the limit or when the session's absolute lifetime ends. Time is read from Date.now() on a
 * one-second tick, so a test can move Playwright's fake clock forward.
 */
export function useIdleSignOut({ idleTimeoutSeconds, expiresAt, signOut, refreshSession }: IdleOptions) {
  const [warningOpen, setWarningOpen] = useState(false);
  const warningRef = useRef(false);
  const lastServerCallRef = useRef(0);

  useEffect(() => {
    const idleLimit = idleTimeoutSeconds * 1000;
    const endsAt = Date.parse(expiresAt);
    lastServerCallRef.current = Date.now();
    let signedOut = false;
    const end = (reason: SignOutReason) => {
      if (!signedOut) {
        signedOut = true;
        signOut(reason);
      }
    };
    noteActivity();

    const onActivity = () => {
      // Once the warning is up, only "Stay signed in" keeps the session.
      if (warningRef.current) {
        return;
      }
      noteActivity();
      if (Date.now() - lastServerCallRef.current > keepAliveEveryMilliseconds) {
        lastServerCallRef.current = Date.now();
        api.get('/api/auth/session').catch(() => undefined);
      }
    };
    setApiCallListener(() => {
      lastServerCallRef.current = Date.now();
      if (!warningRef.current) {
        noteActivity();
      }
    });
    activityEvents.forEach((name) => window.addEventListener(name, onActivity, { passive: true, capture: true }));

    const tick = window.setInterval(() => {
      const idleFor = millisecondsSinceActivity();
      if (Date.now() >= endsAt) {
        end('expired');
      } else if (idleFor >= idleLimit) {
        end('idle');
      } else if (idleFor >= idleLimit - warningMilliseconds) {
        warningRef.current = true;
        setWarningOpen(true);
      } else if (warningRef.current) {
        // Activity in another tab moved the deadline.
        warningRef.current = false;
        setWarningOpen(false);
      }
    }, 1000);

    return () => {
      window.clearInterval(tick);
      activityEvents.forEach((name) => window.removeEventListener(name, onActivity, { capture: true }));
      setApiCallListener(() => undefined);
    };
  }, [idleTimeoutSeconds, expiresAt, signOut]);

  const staySignedIn = useCallback(async () => {
    warningRef.current = false;
    setWarningOpen(false);
    noteActivity();
    await refreshSession();
  }, [refreshSession]);

  return { warningOpen, staySignedIn };
}
