import { Button, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { breakGlassRequest } from '../../domain/people.js';
import { isApiError } from '../api/api-error';
import { api } from '../api/client';
import { useSession } from '../auth/session-context';
import { FormMessage } from '../ui/form-message';
import { useZodForm } from '../ui/use-zod-form';
import { personKey } from './use-people';

/** Emergency access: a stated reason, recorded, the supervisor told, and an end time. */
export function BreakGlassForm({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { breakGlassMinutes } = useSession();
  const queryClient = useQueryClient();
  const form = useZodForm(breakGlassRequest, { reason: '' });
  const breakGlass = useMutation({
    mutationFn: (reason: string) =>
      api.post<{ personId: string; expiresAt: string }>(`/api/people/${personId}/break-glass`, { reason }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personKey(personId) }),
    onError: async (error) => {
      if (isApiError(error, 404)) {
        form.setFormError(t('people.breakGlass.notPossible'));
      } else if (isApiError(error, 409)) {
        // Access already exists (an allocation, or emergency access still running): just open it.
        await queryClient.invalidateQueries({ queryKey: personKey(personId) });
      } else {
        form.showError(error, t('common.unreachable'));
      }
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const values = form.validate();
    if (values) {
      breakGlass.mutate(values.reason);
    }
  }

  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="break-glass-heading"
      style={{ borderColor: 'var(--mantine-color-orange-7)' }}
    >
      <form id={form.formId} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="break-glass-heading">
            {t('people.breakGlass.title')}
          </Title>
          <Text>{t('people.breakGlass.intro')}</Text>
          <List spacing={4}>
            <List.Item>{t('people.breakGlass.recorded')}</List.Item>
            <List.Item>{t('people.breakGlass.supervisorTold')}</List.Item>
            <List.Item>{t('people.breakGlass.duration', { minutes: breakGlassMinutes })}</List.Item>
          </List>
          <FormMessage message={form.formError} />
          <Textarea
            label={t('people.breakGlass.reasonLabel')}
            description={t('people.breakGlass.reasonHint')}
            required
            autosize
            minRows={3}
            {...form.textProps('reason')}
          />
          <Button type="submit" color="orange.7" loading={breakGlass.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('people.breakGlass.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
