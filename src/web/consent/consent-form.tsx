import { Alert, Button, Group, NativeSelect, Paper, Radio, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { consentDecisions, consentPurposes, consentWays, newConsent } from '../../domain/consent.js';
import { todayIso } from '../../domain/dates.js';
import type { NetworkMember } from '../../domain/network.js';
import { FormMessage } from '../ui/form-message';
import { dropEmpty, useZodForm } from '../ui/use-zod-form';
import { useRecordConsent } from './use-consents';

interface Props {
  personId: string;
  personName: string;
  /** Current network members: the people a decision can be about. */
  members: NetworkMember[];
  /** A member to start with (arriving from "Write a letter" without consent). */
  initialMemberId: string | null;
}

/** Records the person's decision: who, for what, granted or not, when, until when, and how. */
export function ConsentForm({ personId, personName, members, initialMemberId }: Props) {
  const { t } = useTranslation();
  const [recipientKind, setRecipientKind] = useState<'member' | 'organisation'>(
    members.length > 0 || initialMemberId ? 'member' : 'organisation',
  );
  const [recorded, setRecorded] = useState(false);
  const initial = {
    networkMemberId: initialMemberId ?? '',
    recipientOrganisation: '',
    purpose: 'share_updates' as const,
    purposeDetail: '',
    decision: 'granted' as const,
    decidedOn: todayIso(),
    expiresOn: '',
    howGiven: 'in_person' as const,
    notes: '',
  };
  const form = useZodForm(newConsent, initial, (values) => {
    const body = dropEmpty(values);
    if (recipientKind === 'member') {
      delete body.recipientOrganisation;
    } else {
      delete body.networkMemberId;
    }
    if (values.decision !== 'granted') {
      delete body.expiresOn;
    }
    return body;
  });
  const record = useRecordConsent(personId);
  const recipientError = form.errors.networkMemberId ?? form.errors.recipientOrganisation;

  function submit(event: FormEvent) {
    event.preventDefault();
    setRecorded(false);
    const values = form.validate();
    if (values) {
      record.mutate(values, {
        onSuccess: () => {
          form.reset({ ...initial, networkMemberId: '' });
          setRecorded(true);
        },
        onError: (error) => form.showError(error, t('common.unreachable')),
      });
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="consent-form-heading">
      <form id={form.formId} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id="consent-form-heading">
            {t('consent.form.title')}
          </Title>
          {recorded && (
            <Alert color="teal" variant="light" role="status">
              {t('consent.form.recorded')}
            </Alert>
          )}
          <FormMessage message={form.formError} />
          <Radio.Group
            label={t('consent.form.recipientKind')}
            value={recipientKind}
            onChange={(value) => setRecipientKind(value === 'organisation' ? 'organisation' : 'member')}
          >
            <Group gap="md" mt={4}>
              <Radio value="member" label={t('consent.form.aMember', { name: personName })} />
              <Radio value="organisation" label={t('consent.form.anOrganisation')} />
            </Group>
          </Radio.Group>
          {recipientKind === 'member' ? (
            <NativeSelect
              label={t('consent.form.member')}
              required
              {...form.textProps('networkMemberId')}
              error={recipientError}
              aria-invalid={recipientError ? true : undefined}
              data={[
                { value: '', label: t('consent.form.chooseMember') },
                ...members.map((member) => ({ value: member.id, label: `${member.name} (${member.relationship})` })),
              ]}
            />
          ) : (
            <TextInput
              label={t('consent.form.organisation')}
              description={t('consent.form.organisationHint')}
              required
              autoComplete="off"
              {...form.textProps('recipientOrganisation')}
              error={recipientError}
              aria-invalid={recipientError ? true : undefined}
            />
          )}
          <NativeSelect
            label={t('consent.form.purpose')}
            {...form.textProps('purpose')}
            data={consentPurposes.map((purpose) => ({ value: purpose, label: t(`consent.purposes.${purpose}`) }))}
          />
          <TextInput
            label={t('consent.form.purposeDetail')}
            description={form.values.purpose === 'other' ? t('consent.form.purposeDetailNeeded') : undefined}
            required={form.values.purpose === 'other'}
            autoComplete="off"
            {...form.textProps('purposeDetail')}
          />
          <Radio.Group
            label={t('consent.form.decision', { name: personName })}
            value={form.values.decision}
            onChange={(value) => form.setValue('decision', value)}
            error={form.errors.decision}
            required
          >
            <Stack gap={6} mt={4}>
              {consentDecisions.map((decision) => (
                <Radio key={decision} value={decision} label={t(`consent.decisions.${decision}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Group gap="sm" align="flex-start" wrap="wrap">
            <TextInput
              label={t('consent.form.decidedOn')}
              type="date"
              max={todayIso()}
              required
              style={{ flex: '0 1 200px' }}
              {...form.textProps('decidedOn')}
            />
            {form.values.decision === 'granted' && (
              <TextInput
                label={t('consent.form.expiresOn')}
                description={t('consent.form.expiresOnHint')}
                type="date"
                style={{ flex: '0 1 240px' }}
                {...form.textProps('expiresOn')}
              />
            )}
          </Group>
          <NativeSelect
            label={t('consent.form.howGiven', { name: personName })}
            {...form.textProps('howGiven')}
            data={consentWays.map((way) => ({ value: way, label: t(`consent.ways.${way}`) }))}
            style={{ maxWidth: 360 }}
          />
          <Textarea label={t('consent.form.notes')} autosize minRows={2} {...form.textProps('notes')} />
          <Button type="submit" loading={record.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('consent.form.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
