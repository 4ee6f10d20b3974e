import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../domain/dates.js';
import { endTieRequest, type NetworkMember } from '../../domain/network.js';
import { FormMessage } from '../ui/form-message';
import { dropEmpty, useZodForm } from '../ui/use-zod-form';
import { useEndTie } from './use-network';

interface Props {
  personId: string;
  personName: string;
  member: NetworkMember;
  onClose: () => void;
}

/** Ends a tie: it is kept, with its end date and reason, because the past network matters. */
export function EndTieDialog({ personId, personName, member, onClose }: Props) {
  const { t } = useTranslation();
  const form = useZodForm(endTieRequest, { endedOn: todayIso(), endReason: '' }, (values) => dropEmpty(values));
  const end = useEndTie(personId);

  function submit(event: FormEvent) {
    event.preventDefault();
    const values = form.validate();
    if (values) {
      end.mutate(
        { memberId: member.id, endedOn: values.endedOn, endReason: values.endReason },
        { onSuccess: onClose, onError: (error) => form.showError(error, t('common.unreachable')) },
      );
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('network.end.title', { name: member.name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form id={form.formId} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('network.end.intro', { name: personName })}</Text>
          <FormMessage message={form.formError} />
          <TextInput
            label={t('network.end.endedOn')}
            type="date"
            max={todayIso()}
            required
            style={{ maxWidth: 220 }}
            data-autofocus
            {...form.textProps('endedOn')}
          />
          <TextInput
            label={t('network.end.reason')}
            description={t('network.end.reasonHint')}
            autoComplete="off"
            {...form.textProps('endReason')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red.8" loading={end.isPending}>
              {t('network.end.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
