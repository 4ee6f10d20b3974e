import { Alert, Anchor, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { restrictionRequest, type Person } from '../../domain/people.js';
import { api } from '../api/client';
import { FormMessage } from '../ui/form-message';
import { useZodForm } from '../ui/use-zod-form';
import { peopleKey, personKey, useRefreshPerson } from './use-people';

interface RestrictionResult {
  restricted: boolean;
  visibleToYou: boolean;
}

/** Supervisors and managers seal or unseal a record, always with a reason (it is audited). */
export function RestrictionSection({ person }: { person: Person }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = useRefreshPerson(person.id);
  const [open, setOpen] = useState(false);
  const [lostAccess, setLostAccess] = useState(false);
  const form = useZodForm(restrictionRequest, { restricted: !person.restricted, reason: '' });
  const change = useMutation({
    mutationFn: (body: { restricted: boolean; reason: string }) =>
      api.put<RestrictionResult>(`/api/people/${person.id}/restriction`, body),
    onSuccess: async (result) => {
      setOpen(false);
      form.reset({ restricted: !result.restricted, reason: '' });
      if (result.visibleToYou) {
        await refresh();
      } else {
        // The record is now out of the viewer's reach: take it off the screen.
        setLostAccess(true);
        queryClient.removeQueries({ queryKey: personKey(person.id) });
        await queryClient.invalidateQueries({ queryKey: peopleKey });
      }
    },
    onError: (error) => form.showError(error, t('common.unreachable')),
  });

  if (lostAccess) {
    return (
      <Alert color="blue" role="status">
        {t('people.restriction.noLongerVisible')}{' '}
        <Anchor component={Link} to="/">
          {t('shell.backHome')}
        </Anchor>
      </Alert>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const values = form.validate();
    if (values) {
      change.mutate({ restricted: !person.restricted, reason: values.reason });
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="restriction-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="restriction-heading">
          {t('people.restriction.title')}
        </Title>
        <Text>{person.restricted ? t('people.restriction.isRestricted') : t('people.restriction.isOpen')}</Text>
        {!open ? (
          <Group>
            <Button variant="outline" onClick={() => setOpen(true)}>
              {person.restricted ? t('people.restriction.remove') : t('people.restriction.restrict')}
            </Button>
          </Group>
        ) : (
          <form id={form.formId} onSubmit={submit} noValidate>
            <Stack gap="sm">
              <FormMessage message={form.formError} />
              <Textarea
                label={t('people.restriction.reasonLabel')}
                description={t('people.restriction.reasonHint')}
                required
                autosize
                minRows={2}
                {...form.textProps('reason')}
              />
              <Group>
                <Button type="submit" loading={change.isPending}>
                  {person.restricted ? t('people.restriction.remove') : t('people.restriction.restrict')}
                </Button>
                <Button variant="default" onClick={() => setOpen(false)}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
