import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { totpDisableRequest } from '../../domain/auth.js';
import { api } from '../api/client';
import { FormMessage } from '../ui/form-message';
import { useZodForm } from '../ui/use-zod-form';

/** Turning the second factor off needs both the password and a current code. */
export function DisableSecondFactorForm({ onDone }: { onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const form = useZodForm(totpDisableRequest, { password: '', code: '' });
  const disable = useMutation({
    mutationFn: (body: { password: string; code: string }) => api.post<void>('/api/auth/second-factor/disable', body),
    onSuccess: onDone,
    onError: (error) => form.showError(error, t('common.unreachable')),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const values = form.validate();
    if (values) {
      disable.mutate(values);
    }
  }

  return (
    <form id={form.formId} onSubmit={submit} noValidate>
      <Stack gap="sm" maw={360}>
        <FormMessage message={form.formError} />
        <PasswordInput
          label={t('account.secondFactor.password')}
          autoComplete="current-password"
          required
          {...form.textProps('password')}
        />
        <TextInput
          label={t('account.secondFactor.code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          {...form.textProps('code')}
        />
        <Button
          type="submit"
          variant="outline"
          color="red.8"
          loading={disable.isPending}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('account.secondFactor.turnOff')}
        </Button>
      </Stack>
    </form>
  );
}
