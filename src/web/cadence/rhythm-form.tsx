import { Alert, Button, Group, Loader, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { cadenceRequest, type Cadence } from '../../domain/cadence.js';
import type { NetworkMember } from '../../domain/network.js';
import { isApiError } from '../api/api-error';
import { useNetwork } from '../network/use-network';
import { FormMessage } from '../ui/form-message';
import { everyDaysFrom, memberIdOf, presetFor, presets, rhythmWith, type Preset, type RhythmWith } from './rhythm';
import { useSetCadence } from './use-cadence';

interface Props {
  personId: string;
  personName: string;
  /** Changing an agreed rhythm: who it is with stays the same. */
  current?: Cadence;
  /** Called with what was saved (to announce), or null on cancel. */
  onDone: (message: string | null) => void;
}

/** Agree (or change) how often to check in, with the person or with one member of their network. */
export function RhythmForm({ personId, personName, current, onDone }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const formId = useId();
  const set = useSetCadence(personId);
  const [who, setWho] = useState<RhythmWith>(current ? rhythmWith(current) : 'person');
  const [preset, setPreset] = useState<Preset>(current ? presetFor(current.everyDays) : '14');
  const [typed, setTyped] = useState(
    current && presetFor(current.everyDays) === 'other' ? String(current.everyDays) : '',
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const whoName = current?.networkMember?.name ?? personName;

  function submit(event: FormEvent) {
    event.preventDefault();
    const everyDays = everyDaysFrom(preset, typed);
    const parsed = cadenceRequest.safeParse({ networkMemberId: memberIdOf(who), everyDays });
    const message =
      everyDays === null
        ? t('checkins.form.wholeDays')
        : parsed.success
          ? null
          : (parsed.error.issues[0]?.message ?? null);
    if (message || !parsed.success) {
      setProblem(message);
      requestAnimationFrame(() => document.getElementById(`${formId}-days`)?.focus());
      return;
    }
    set.mutate(parsed.data, {
      onSuccess: () => onDone(t('checkins.form.saved')),
      onError: (error) => {
        const field = isApiError(error) ? error.fieldProblems.find((item) => item.field === 'everyDays') : undefined;
        if (field) {
          setProblem(field.message);
        } else {
          setFormError(isApiError(error) ? error.message : t('common.unreachable'));
        }
      },
    });
  }

  return (
    <Paper withBorder p="sm" bg="gray.0" component="section" aria-labelledby={headingId}>
      <form id={formId} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h5" id={headingId}>
            {current ? t('checkins.form.changeTitle', { name: whoName }) : t('checkins.form.title')}
          </Title>
          <FormMessage message={formError} />
          {!current && <WhoSelect personId={personId} personName={personName} value={who} onChange={setWho} />}
          <Group gap="sm" align="flex-start" wrap="wrap">
            <NativeSelect
              label={t('checkins.form.every')}
              value={preset}
              onChange={(event) => {
                setPreset(event.currentTarget.value as Preset);
                setProblem(null);
              }}
              data={[...presets, 'other' as const].map((value) => ({
                value,
                label: t(`checkins.form.presets.${value}`),
              }))}
              style={{ flex: '1 1 200px', maxWidth: 280 }}
              id={preset === 'other' ? undefined : `${formId}-days`}
              error={preset === 'other' ? undefined : problem}
              aria-invalid={preset !== 'other' && problem ? true : undefined}
            />
            {preset === 'other' && (
              <TextInput
                id={`${formId}-days`}
                label={t('checkins.form.days')}
                inputMode="numeric"
                value={typed}
                onChange={(event) => {
                  setTyped(event.currentTarget.value);
                  setProblem(null);
                }}
                error={problem}
                aria-invalid={problem ? true : undefined}
                required
                style={{ flex: '0 1 160px' }}
              />
            )}
          </Group>
          {current && (
            <Text size="sm" c="dark.6">
              {t('checkins.form.replaces')}
            </Text>
          )}
          <Group gap="sm">
            <Button type="submit" loading={set.isPending}>
              {t('checkins.form.save')}
            </Button>
            <Button variant="default" onClick={() => onDone(null)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The person, or someone in their network; read only when a new rhythm is being agreed. */
function WhoSelect(props: {
  personId: string;
  personName: string;
  value: RhythmWith;
  onChange: (value: RhythmWith) => void;
}) {
  const { t } = useTranslation();
  const network = useNetwork(props.personId, false);
  if (network.isPending) {
    return <Loader size="sm" aria-label={t('common.loading')} />;
  }
  if (network.isError) {
    return (
      <Alert color="red" role="alert">
        {network.error.message}
      </Alert>
    );
  }
  // Someone recorded as a risk to the person is not someone to agree a rhythm of visits with.
  const members = network.data.items.filter((member: NetworkMember) => !member.isRisk);
  return (
    <NativeSelect
      label={t('checkins.form.who')}
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value as RhythmWith)}
      data={[
        { value: 'person', label: props.personName },
        ...members.map((member) => ({
          value: `member:${member.id}`,
          label: t('checkins.form.member', { name: member.name, relationship: member.relationship }),
        })),
      ]}
      style={{ maxWidth: 360 }}
    />
  );
}
