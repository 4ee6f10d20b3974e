import { Alert, Button, Checkbox, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changePasswordRequest, type ChangePasswordRequest } from '../../domain/auth.js';
import { api } from '../api/client';
import { FormMessage } from '../ui/form-message';
import { useZodForm } from '../ui/use-zod-form';
import { sessionsKey } from './use-sessions';

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [done, setDone] = useState<number | null>(null);
  const form = useZodForm(changePasswordRequest, { currentPassword: '', newPassword: '', endOtherSessions: true });
  const change = useMutation({
    mutationFn: (body: ChangePasswordRequest) => api.post<{ endedSessions: number }>('/api/auth/password', body),
    onSuccess: async (result) => {
      form.reset();
      setDone(result.endedSessions);
      await queryClient.invalidateQueries({ queryKey: sessionsKey });
    },
    onError: (error) => form.showError(error, t('common.unreachable')),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const values = form.validate();
    if (values) {
      change.mutate(values);
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="password-heading">
      <form id={form.formId} onSubmit={submit} noValidate>
        <Stack gap="sm" maw={440}>
          <Title order={2} size="h4" id="password-heading">
            {t('account.password.title')}
          </Title>
          {done !== null && (
            <Alert color="teal" role="status">
              {t('account.password.changed', { count: done })}
            </Alert>
          )}
          <FormMessage message={form.formError} />
          <PasswordInput
            label={t('account.password.current')}
            autoComplete="current-password"
            required
            {...form.textProps('currentPassword')}
          />
          <PasswordInput
            label={t('account.password.new')}
            description={t('account.password.newHint')}
            autoComplete="new-password"
            required
            {...form.textProps('newPassword')}
          />
          <Checkbox
            label={t('account.password.endOthers')}
            checked={form.values.endOtherSessions ?? true}
            onChange={(event) => form.setValue('endOtherSessions', event.currentTarget.checked)}
          />
          <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('account.password.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
