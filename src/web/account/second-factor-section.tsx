import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TotpEnrolment } from '../../domain/auth.js';
import { api } from '../api/client';
import { useSession, useSessionContext } from '../auth/session-context';
import { FormMessage } from '../ui/form-message';
import { ConfirmSecondFactorForm } from './confirm-second-factor-form';
import { DisableSecondFactorForm } from './disable-second-factor-form';

/** An authenticator app as a second factor: set it up, or turn it off. */
export function SecondFactorSection() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { refreshSession } = useSessionContext();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: () => api.post<TotpEnrolment>('/api/auth/second-factor'),
    onSuccess: (result) => {
      setMessage(null);
      setEnrolment(result);
    },
  });

  async function finished(text: string) {
    setEnrolment(null); // the secret leaves the screen once it has done its job
    setMessage(text);
    await refreshSession();
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="second-factor-heading">
      <Stack gap="sm" maw={520}>
        <Group gap="xs">
          <Title order={2} size="h4" id="second-factor-heading">
            {t('account.secondFactor.title')}
          </Title>
          <Badge
            color={user.secondFactorEnabled ? 'teal' : 'gray.7'}
            variant={user.secondFactorEnabled ? 'light' : 'outline'}
          >
            {user.secondFactorEnabled ? t('account.secondFactor.on') : t('account.secondFactor.off')}
          </Badge>
        </Group>
        <Text size="sm">{t('account.secondFactor.intro')}</Text>
        {message && (
          <Alert color="teal" role="status">
            {message}
          </Alert>
        )}
        <FormMessage message={start.error?.message ?? null} />
        {user.secondFactorEnabled ? (
          <DisableSecondFactorForm onDone={() => finished(t('account.secondFactor.turnedOff'))} />
        ) : enrolment ? (
          <ConfirmSecondFactorForm
            enrolment={enrolment}
            onDone={() => finished(t('account.secondFactor.turnedOn'))}
            onCancel={() => setEnrolment(null)}
          />
        ) : (
          <Group>
            <Button variant="outline" onClick={() => start.mutate()} loading={start.isPending}>
              {t('account.secondFactor.setUp')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
