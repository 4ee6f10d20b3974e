import { Button, Checkbox, Group, Stack, TextInput, Textarea } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../domain/dates.js';
import { newProfileItem, type ProfileItemKind } from '../../domain/profile.js';
import { FormMessage } from '../ui/form-message';
import { dropEmpty, useZodForm } from '../ui/use-zod-form';
import { useAddProfileItem } from './use-profile';

interface Props {
  personId: string;
  kind: ProfileItemKind;
  /** The name they use: whose words, unless someone else said it. */
  defaultSaidBy: string;
  onDone: () => void;
}

/** Adds a quotation, a thing to remember or something to approach with care. */
export function ProfileItemForm({ personId, kind, defaultSaidBy, onDone }: Props) {
  const { t } = useTranslation();
  const quotation = kind === 'what_matters' || kind === 'strength';
  const dated = kind === 'to_remember';
  const form = useZodForm(
    newProfileItem,
    {
      kind,
      text: '',
      saidBy: quotation ? defaultSaidBy : '',
      saidOn: quotation ? todayIso() : '',
      onDate: '',
      everyYear: false,
    },
    (values) => dropEmpty(values),
  );
  const add = useAddProfileItem(personId);

  function submit(event: FormEvent) {
    event.preventDefault();
    const values = form.validate();
    if (values) {
      add.mutate(values, {
        onSuccess: () => {
          form.reset();
          onDone();
        },
        onError: (error) => form.showError(error, t('common.unreachable')),
      });
    }
  }

  return (
    <form id={form.formId} onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormMessage message={form.formError} />
        <Textarea
          label={t(`profile.items.${kind}.textLabel`)}
          description={t(`profile.items.${kind}.textHint`)}
          required
          autosize
          minRows={2}
          autoFocus
          {...form.textProps('text')}
        />
        {quotation && (
          <Group gap="sm" align="flex-start" wrap="wrap">
            <TextInput
              label={t('profile.items.saidBy')}
              description={t('profile.items.saidByHint')}
              required
              autoComplete="off"
              style={{ flex: '1 1 220px' }}
              {...form.textProps('saidBy')}
            />
            <TextInput
              label={t('profile.items.saidOn')}
              type="date"
              max={todayIso()}
              style={{ flex: '0 1 180px' }}
              {...form.textProps('saidOn')}
            />
          </Group>
        )}
        {dated && (
          <>
            <TextInput
              label={t('profile.items.onDate')}
              description={t('profile.items.onDateHint')}
              type="date"
              style={{ maxWidth: 220 }}
              {...form.textProps('onDate')}
            />
            <Checkbox
              label={t('profile.items.everyYear')}
              checked={form.values.everyYear ?? false}
              onChange={(event) => form.setValue('everyYear', event.currentTarget.checked)}
              error={form.errors.everyYear}
            />
          </>
        )}
        <Group gap="sm">
          <Button type="submit" loading={add.isPending}>
            {t(`profile.items.${kind}.save`)}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
