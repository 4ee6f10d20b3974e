import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  List,
  Loader,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { planVersionRequest } from '../../domain/plans.js';
import { useDateFormat } from '../i18n/format';
import { FormMessage } from '../ui/form-message';
import { localToday, newKey } from '../ui/local-time';
import { useFormErrors } from './goal-forms';
import { planSentence, type PlanChangeInput } from './plan-words';
import { usePlanDiff, usePlans, useRecordPlan, type PlanVersion } from './use-goals';

interface ParticipantRow {
  key: string;
  name: string;
  role: string;
  agreed: boolean;
  dissent: string;
}

const emptyParticipant = (name = '', role = ''): ParticipantRow => ({
  key: newKey(),
  name,
  role,
  agreed: true,
  dissent: '',
});

/** The plan as agreed on a date: who took part, who agreed, any dissent in their words; and what changed. */
export function PlanVersions({ personId, personName }: { personId: string; personName: string }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const plans = usePlans(personId);
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  return (
    <Stack gap="sm" component="section" aria-labelledby="plan-heading">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={2} size="h3" id="plan-heading">
          {t('goals.plans.title')}
        </Title>
        {!adding && (
          <Button variant="light" onClick={() => (setSaved(null), setAdding(true))}>
            {t('goals.plans.open')}
          </Button>
        )}
      </Group>
      <Text size="sm">{t('goals.plans.intro')}</Text>
      <div role="status">
        {saved && (
          <Text size="sm" fw={600} c="teal.9">
            {saved}
          </Text>
        )}
      </div>
      {adding && (
        <RecordPlan
          personId={personId}
          personName={personName}
          onDone={(message) => {
            setAdding(false);
            setSaved(message);
          }}
        />
      )}
      {plans.isPending && <Loader aria-label={t('common.loading')} />}
      {plans.isError && (
        <Alert color="red" role="alert">
          {plans.error.message}
        </Alert>
      )}
      {plans.data && plans.data.items.length === 0 && <Text size="sm">{t('goals.plans.none')}</Text>}
      {plans.data && plans.data.items.length > 0 && (
        <>
          <List listStyleType="none" spacing="sm" aria-label={t('goals.plans.listLabel')}>
            {plans.data.items.map((version) => (
              <List.Item key={version.id} data-testid="plan-version">
                <Text fw={700} size="sm">
                  {t('goals.plans.version', { number: version.number, date: format.calendarDate(version.agreedOn) })}
                  {' · '}
                  {t('goals.plans.goalsCount', { count: version.goals.length })}
                </Text>
                {version.participants.map((participant) => (
                  <Text size="sm" key={participant.name}>
                    {participant.agreed
                      ? t('goals.plans.agreed', participant)
                      : t('goals.plans.dissent', { ...participant, dissent: participant.dissent ?? '' })}
                  </Text>
                ))}
              </List.Item>
            ))}
          </List>
          {plans.data.items.length > 1 && <PlanDiff personId={personId} versions={plans.data.items} />}
        </>
      )}
    </Stack>
  );
}

function PlanDiff({ personId, versions }: { personId: string; versions: PlanVersion[] }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const [from, setFrom] = useState(versions[1]!.number);
  const [to, setTo] = useState(versions[0]!.number);
  const diff = usePlanDiff(personId, from, to);
  const options = versions.map((version) => ({
    value: String(version.number),
    label: t('goals.plans.versionOption', { number: version.number, date: format.calendarDate(version.agreedOn) }),
  }));
  const words = (change: PlanChangeInput) => {
    const sentence = planSentence(change);
    const field = 'field' in sentence ? t(`goals.plans.fields.${sentence.field as 'text'}`) : '';
    return t(`goals.plans.change.${sentence.key}`, { ...sentence, field });
  };

  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('goals.plans.compare')}
      </Title>
      <Group gap="sm" wrap="wrap">
        <NativeSelect
          label={t('goals.plans.from')}
          data={options}
          value={String(from)}
          onChange={(event) => setFrom(Number(event.currentTarget.value))}
        />
        <NativeSelect
          label={t('goals.plans.to')}
          data={options}
          value={String(to)}
          onChange={(event) => setTo(Number(event.currentTarget.value))}
        />
      </Group>
      {from === to && <Text size="sm">{t('goals.plans.same')}</Text>}
      {diff.isPending && from !== to && <Loader aria-label={t('common.loading')} />}
      {diff.isError && (
        <Alert color="red" role="alert">
          {diff.error.message}
        </Alert>
      )}
      {diff.data &&
        from !== to &&
        (diff.data.changes.length === 0 ? (
          <Text size="sm">{t('goals.plans.noChanges')}</Text>
        ) : (
          <List
            size="sm"
            spacing={4}
            aria-label={t('goals.plans.changesLabel', { from, to })}
            data-testid="plan-changes"
          >
            {diff.data.changes.map((change, index) => (
              <List.Item key={index}>{words(change)}</List.Item>
            ))}
          </List>
        ))}
    </Stack>
  );
}

function RecordPlan({
  personId,
  personName,
  onDone,
}: {
  personId: string;
  personName: string;
  onDone: (saved: string | null) => void;
}) {
  const { t } = useTranslation();
  const record = useRecordPlan(personId);
  const [agreedOn, setAgreedOn] = useState(localToday());
  const [rows, setRows] = useState<ParticipantRow[]>(() => [emptyParticipant(personName, personName)]);
  const form = useFormErrors();
  const { err } = form;
  const setRow = (index: number, change: Partial<ParticipantRow>) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...change } : row)));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const plan = form.check(
      element,
      planVersionRequest.safeParse({
        agreedOn,
        participants: rows.map((row) => ({
          name: row.name,
          role: row.role,
          agreed: row.agreed,
          dissent: row.agreed || row.dissent.trim() === '' ? undefined : row.dissent,
        })),
      }),
    );
    if (plan) {
      record.mutate(plan, {
        onSuccess: (version) => onDone(t('goals.plans.saved', { number: version.number })),
        onError: form.failed(element),
      });
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Fieldset legend={t('goals.plans.legend')} variant="filled" p="sm">
        <Stack gap="sm">
          <FormMessage message={form.formError} />
          <TextInput
            type="date"
            label={t('goals.plans.agreedOn')}
            max={localToday()}
            value={agreedOn}
            onChange={(event) => setAgreedOn(event.currentTarget.value)}
            style={{ maxWidth: 200 }}
            {...err('agreedOn')}
          />
          {rows.map((row, index) => (
            <Fieldset key={row.key} legend={t('goals.plans.participant', { number: index + 1 })} p="sm">
              <Stack gap="xs">
                <Group gap="sm" align="flex-start" wrap="wrap">
                  <TextInput
                    label={t('goals.plans.name')}
                    value={row.name}
                    autoComplete="off"
                    style={{ flex: '1 1 160px' }}
                    onChange={(event) => setRow(index, { name: event.currentTarget.value })}
                    {...err(`participants.${index}.name`)}
                  />
                  <TextInput
                    label={t('goals.plans.role')}
                    description={t('goals.plans.roleHint')}
                    value={row.role}
                    autoComplete="off"
                    style={{ flex: '1 1 160px' }}
                    onChange={(event) => setRow(index, { role: event.currentTarget.value })}
                    {...err(`participants.${index}.role`)}
                  />
                </Group>
                <Checkbox
                  label={t('goals.plans.agreedLabel')}
                  checked={row.agreed}
                  onChange={(event) => setRow(index, { agreed: event.currentTarget.checked })}
                />
                {!row.agreed && (
                  <Textarea
                    label={t('goals.plans.dissentLabel')}
                    autosize
                    minRows={2}
                    value={row.dissent}
                    onChange={(event) => setRow(index, { dissent: event.currentTarget.value })}
                    {...err(`participants.${index}.dissent`)}
                  />
                )}
                {rows.length > 1 && (
                  <Button
                    variant="subtle"
                    color="dark"
                    size="compact-sm"
                    style={{ alignSelf: 'flex-start' }}
                    onClick={() => setRows((current) => current.filter((_, i) => i !== index))}
                  >
                    {t('goals.plans.removeParticipant')}
                  </Button>
                )}
              </Stack>
            </Fieldset>
          ))}
          <Button
            variant="light"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => setRows((current) => [...current, emptyParticipant()])}
          >
            {t('goals.plans.addParticipant')}
          </Button>
          <Group gap="sm">
            <Button type="submit" loading={record.isPending}>
              {t('goals.plans.save')}
            </Button>
            <Button variant="default" onClick={() => onDone(null)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}
