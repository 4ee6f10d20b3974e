import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SignOutReason } from './session-context';

/** A calm word on why the user is signing in again. */
export function SignedOutNotice({ reason, idleMinutes }: { reason: SignOutReason | null; idleMinutes: number }) {
  const { t } = useTranslation();
  if (!reason) {
    return null;
  }
  const message = {
    idle: t('auth.signedOut.idle', { count: idleMinutes }),
    expired: t('auth.signedOut.expired'),
    ended: t('auth.signedOut.ended'),
    'signed-out': t('auth.signedOut.signedOut'),
  }[reason];
  return (
    <Alert color="blue" variant="light" role="status">
      {message}
    </Alert>
  );
}
