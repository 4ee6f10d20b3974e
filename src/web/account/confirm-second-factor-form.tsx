import { Anchor, Button, Code, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { totpConfirmRequest, type TotpEnrolment } from '../../domain/auth.js';
import { api } from '../api/client';
import { FormMessage } from '../ui/form-message';
import { useZodForm } from '../ui/use-zod-form';

/** Groups a base32 secret in fours so it can be read out and typed without losing one's place. */
export function groupInFours(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

interface Props {
  enrolment: TotpEnrolment;
  onDone: () => Promise<void>;
  onCancel: () => void;
}

export function ConfirmSecondFactorForm({ enrolment, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const form = useZodForm(totpConfirmRequest, { code: '' });
  const confirm = useMutation({
    mutationFn: (code: string) => api.post<void>('/api/auth/second-factor/confirm', { code }),
    onSuccess: onDone,
    onError: (error) => form.showError(error, t('common.unreachable')),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const values = form.validate();
    if (values) {
      confirm.mutate(values.code);
    }
  }

  return (
    <form id={form.formId} onSubmit={submit} noValidate>
      <Stack gap="sm">
        <List type="ordered" spacing="xs">
          <List.Item>{t('account.secondFactor.step1')}</List.Item>
          <List.Item>
            <Text>{t('account.secondFactor.step2')}</Text>
            <Code block fz="md" style={{ letterSpacing: '0.05em', overflowWrap: 'anywhere', whiteSpace: 'normal' }}>
              {groupInFours(enrolment.secret)}
            </Code>
            <Anchor href={enrolment.otpauthUri} size="sm">
              {t('account.secondFactor.openApp')}
            </Anchor>
          </List.Item>
          <List.Item>{t('account.secondFactor.step3')}</List.Item>
        </List>
        <FormMessage message={form.formError} />
        <TextInput
          label={t('account.secondFactor.code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          style={{ maxWidth: 200 }}
          {...form.textProps('code')}
        />
        <Group>
          <Button type="submit" loading={confirm.isPending}>
            {t('account.secondFactor.confirm')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
