import { Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../domain/people.js';
import { contactRestrictionRequest, type ContactDetails } from '../../domain/profile.js';
import { FactList } from '../ui/fact-list';
import { FormMessage } from '../ui/form-message';
import { ReasonForm } from '../ui/reason-form';
import { useZodForm } from '../ui/use-zod-form';
import { useContactRestriction, useRevealContact } from './use-profile';

interface Props {
  person: Person;
  /** Allocated practitioners, supervisors and managers may restrict or lift it. */
  canRestrict: boolean;
}

/**
 * How to reach the person. Restricted details (a refuge address) are hidden from staff who are not
 * allocated until they give a reason; what is revealed stays in this component only.
 */
export function ContactDetailsCard({ person, canRestrict }: Props) {
  const { t } = useTranslation();
  const [revealed, setRevealed] = useState<ContactDetails | null>(null);
  const contact = revealed ?? person.contact;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="contact-details-heading">
      <Stack gap="sm">
        <Group gap="xs" wrap="wrap">
          <Title order={3} size="h5" id="contact-details-heading">
            {t('profile.contact.title')}
          </Title>
          {person.contact.restricted && (
            <Badge color="red.8" variant="outline">
              {t('profile.contact.restricted')}
            </Badge>
          )}
        </Group>
        {person.contact.restricted && !revealed && (
          <Text size="sm">
            {person.contact.hidden ? t('profile.contact.hiddenNote') : t('profile.contact.restrictedNote')}
          </Text>
        )}
        {contact.hidden ? (
          <RevealForm personId={person.id} onRevealed={setRevealed} />
        ) : (
          <>
            <FactList
              facts={[
                { label: t('profile.fields.phone'), value: contact.phone },
                { label: t('profile.fields.email'), value: contact.email },
                { label: t('profile.fields.address'), value: contact.address },
              ]}
            />
            {revealed && (
              <Group gap="sm">
                <Text size="sm" c="dimmed">
                  {t('profile.contact.revealedNote')}
                </Text>
                <Button variant="subtle" size="xs" onClick={() => setRevealed(null)}>
                  {t('profile.contact.hideAgain')}
                </Button>
              </Group>
            )}
          </>
        )}
        {canRestrict && <RestrictionControl person={person} onChanged={() => setRevealed(null)} />}
      </Stack>
    </Paper>
  );
}

function RevealForm({ personId, onRevealed }: { personId: string; onRevealed: (contact: ContactDetails) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const reveal = useRevealContact(personId);
  if (!open) {
    return (
      <Button variant="outline" onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }}>
        {t('profile.contact.show')}
      </Button>
    );
  }
  return (
    <ReasonForm
      label={t('profile.contact.reasonLabel')}
      hint={t('profile.contact.reasonHint')}
      submitLabel={t('profile.contact.show')}
      busy={reveal.isPending}
      onCancel={() => setOpen(false)}
      onSubmit={(reason, fail) =>
        reveal.mutate(reason, {
          onSuccess: (contact) => {
            setOpen(false);
            onRevealed(contact);
          },
          onError: fail,
        })
      }
    />
  );
}

function RestrictionControl({ person, onChanged }: { person: Person; onChanged: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const restricted = person.contact.restricted;
  const form = useZodForm(contactRestrictionRequest, { restricted: !restricted, reason: '' });
  const change = useContactRestriction(person.id);
  const action = restricted ? t('profile.contact.lift') : t('profile.contact.restrict');

  function submit(event: FormEvent) {
    event.preventDefault();
    const values = form.validate();
    if (values) {
      change.mutate(
        { restricted: !restricted, reason: values.reason },
        {
          onSuccess: () => {
            form.reset({ restricted, reason: '' });
            setOpen(false);
            onChanged();
          },
          onError: (error) => form.showError(error, t('common.unreachable')),
        },
      );
    }
  }

  if (!open) {
    return (
      <Button variant="subtle" size="compact-sm" onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }}>
        {action}
      </Button>
    );
  }
  return (
    <form id={form.formId} onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{restricted ? t('profile.contact.liftIntro') : t('profile.contact.restrictIntro')}</Text>
        <FormMessage message={form.formError} />
        <Textarea
          label={t('profile.contact.restrictionReason')}
          description={t('profile.contact.restrictionReasonHint')}
          required
          autosize
          minRows={2}
          {...form.textProps('reason')}
        />
        <Group gap="sm">
          <Button type="submit" loading={change.isPending}>
            {action}
          </Button>
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
