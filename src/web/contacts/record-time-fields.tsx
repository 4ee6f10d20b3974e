import { Checkbox, Group, Radio, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contactKinds } from '../../domain/contacts.js';
import { canBeTheirs, hasLength, type Outcome, type RecordErrors, type RecordValues } from './record-model';

interface Props {
  values: RecordValues;
  errors: RecordErrors;
  personName: string;
  set: <Key extends keyof RecordValues>(key: Key, value: RecordValues[Key]) => void;
}

const outcomes: Outcome[] = ['made', 'attempted', 'planned'];
type TimeKey = 'actualStart' | 'plannedStart' | 'receivedAt' | 'answeredAt';
type LengthKey = 'actualMinutes' | 'plannedMinutes';

/** The kind of contact, what happened, and when: everything defaults to a home visit that happened now. */
export function RecordTimeFields({ values, errors, personName, set }: Props) {
  const { t } = useTranslation();
  const invalid = (key: keyof RecordValues) => ({ error: errors[key], 'aria-invalid': errors[key] ? true : undefined });
  const time = (key: TimeKey, label: string, description?: string) => (
    <TextInput
      type="datetime-local"
      label={label}
      description={description}
      value={values[key]}
      onChange={(event) => set(key, event.currentTarget.value)}
      style={{ flex: '1 1 220px', maxWidth: 280 }}
      {...invalid(key)}
    />
  );
  const length = (key: LengthKey, label: string) => (
    <TextInput
      label={label}
      description={t('record.minutesHint')}
      inputMode="numeric"
      autoComplete="off"
      value={values[key]}
      onChange={(event) => set(key, event.currentTarget.value)}
      style={{ flex: '0 1 180px' }}
      {...invalid(key)}
    />
  );
  const withLength = hasLength(values.kind);

  return (
    <Stack gap="md">
      <Radio.Group
        label={t('record.kind')}
        value={values.kind}
        onChange={(value) => set('kind', contactKinds.find((kind) => kind === value) ?? 'home_visit')}
      >
        <Group gap="md" mt={6} wrap="wrap">
          {contactKinds.map((kind) => (
            <Radio key={kind} value={kind} label={t(`contacts.kinds.${kind}`)} />
          ))}
        </Group>
      </Radio.Group>
      <Radio.Group
        label={t('record.outcome')}
        value={values.outcome}
        onChange={(value) => set('outcome', outcomes.find((outcome) => outcome === value) ?? 'made')}
      >
        <Group gap="md" mt={6} wrap="wrap">
          {outcomes.map((outcome) => (
            <Radio key={outcome} value={outcome} label={t(`record.outcomes.${outcome}`)} />
          ))}
        </Group>
      </Radio.Group>
      {values.outcome === 'planned' ? (
        <Group gap="sm" align="flex-start" wrap="wrap">
          {time('plannedStart', t('record.plannedStart'))}
          {withLength && length('plannedMinutes', t('record.plannedLength'))}
        </Group>
      ) : (
        <>
          <Group gap="sm" align="flex-start" wrap="wrap">
            {values.outcome === 'made'
              ? time('actualStart', t('record.started'), t('record.startedHint'))
              : time('actualStart', t('record.tried'), t('record.startedHint'))}
            {withLength && values.outcome === 'made' && length('actualMinutes', t('record.length'))}
          </Group>
          <Checkbox
            label={t('record.agreed.toggle')}
            description={t('record.agreed.hint')}
            checked={values.plannedKnown}
            onChange={(event) => set('plannedKnown', event.currentTarget.checked)}
          />
          {values.plannedKnown && (
            <Group gap="sm" align="flex-start" wrap="wrap">
              {time('plannedStart', t('record.agreed.start'))}
              {withLength && length('plannedMinutes', t('record.agreed.length'))}
            </Group>
          )}
          {canBeTheirs(values.kind) && (
            <Checkbox
              label={t('record.theyStarted', { name: personName })}
              checked={values.theyStarted}
              onChange={(event) => set('theyStarted', event.currentTarget.checked)}
            />
          )}
          {canBeTheirs(values.kind) && values.theyStarted && (
            <Group gap="sm" align="flex-start" wrap="wrap">
              {time('receivedAt', t('record.receivedAt'))}
              {time('answeredAt', t('record.answeredAt'))}
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
