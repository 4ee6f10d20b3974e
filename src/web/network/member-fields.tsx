import { Checkbox, Fieldset, NativeSelect, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../domain/dates.js';
import { contactFrequencies, sectors, supportDirections, tieStrengths } from '../../domain/network.js';
import type { MemberField, MemberFormValues } from './member-form-model';
import { LineSample } from './network-list';
import { PersonSearch } from './person-search';

interface Props {
  personId: string;
  personName: string;
  values: MemberFormValues;
  errors: Record<string, string>;
  /** Fields someone else changed since the edit began (after "Load the latest version"). */
  changedByOthers: string[];
  contactEditable: boolean;
  linkedPerson: { id: string; fullName: string } | null;
  onLinkedPerson: (person: { id: string; fullName: string } | null) => void;
  set: <Key extends MemberField>(key: Key, value: MemberFormValues[Key]) => void;
}

/** The fields of a tie, each explained in plain words. */
export function MemberFields(props: Props) {
  const { personId, personName, values, errors, changedByOthers, contactEditable, set } = props;
  const { t } = useTranslation();
  const note = (key: MemberField) => (changedByOthers.includes(key) ? t('profile.edit.changedByOthers') : undefined);
  const text = (key: MemberField) => ({
    label: t(`network.fields.${key}` as 'network.fields.name'),
    name: key,
    value: String(values[key]),
    error: errors[key] || undefined,
    'aria-invalid': errors[key] ? true : undefined,
    description: note(key),
    onChange: (event: { currentTarget: { value: string } }) => set(key, event.currentTarget.value),
  });

  return (
    <Stack gap="md">
      <TextInput {...text('name')} required autoComplete="off" data-autofocus />
      <TextInput
        {...text('relationship')}
        description={note('relationship') ?? t('network.form.relationshipHint', { name: personName })}
        required
        autoComplete="off"
      />
      <NativeSelect
        {...text('sector')}
        required
        data={[
          { value: '', label: t('network.form.chooseSector') },
          ...sectors.map((sector) => ({ value: sector, label: t(`network.sectors.${sector}`) })),
        ]}
      />
      <Radio.Group
        label={t('network.fields.strength')}
        description={note('strength')}
        value={values.strength}
        onChange={(value) => set('strength', value)}
        error={errors.strength || undefined}
        required
      >
        <Stack gap={6} mt={6}>
          {tieStrengths.map((strength) => (
            <Radio
              key={strength}
              value={strength}
              label={
                <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
                  <LineSample strength={strength} />
                  {t(`network.strength.${strength}`)}
                </span>
              }
              description={t(`network.strengthHint.${strength}`)}
            />
          ))}
        </Stack>
      </Radio.Group>
      <Radio.Group
        label={t('network.fields.support')}
        description={note('support') ?? t('network.form.supportHint')}
        value={values.support}
        onChange={(value) => set('support', value)}
        error={errors.support || undefined}
        required
      >
        <Stack gap={6} mt={6}>
          {supportDirections.map((direction) => (
            <Radio
              key={direction}
              value={direction}
              label={t(`network.support.${direction}`, { name: personName })}
              description={t(`network.supportArrow.${direction}`)}
            />
          ))}
        </Stack>
      </Radio.Group>
      <NativeSelect
        {...text('contactFrequency')}
        data={[
          { value: '', label: t('network.form.notRecorded') },
          ...contactFrequencies.map((value) => ({ value, label: t(`network.frequency.${value}`) })),
        ]}
        style={{ maxWidth: 320 }}
      />
      <Fieldset legend={t('network.form.contactLegend')}>
        {contactEditable ? (
          <Stack gap="sm">
            <TextInput {...text('phone')} type="tel" autoComplete="off" />
            <TextInput {...text('email')} type="email" autoComplete="off" />
            <Textarea {...text('address')} autosize minRows={2} />
            <Checkbox
              label={t('network.form.contactRestricted')}
              description={t('network.form.contactRestrictedHint')}
              checked={values.contactRestricted}
              onChange={(event) => set('contactRestricted', event.currentTarget.checked)}
            />
          </Stack>
        ) : (
          <Text size="sm">{t('network.form.contactNotEditable')}</Text>
        )}
      </Fieldset>
      <Fieldset legend={t('network.form.riskLegend')}>
        <Stack gap="sm">
          <Checkbox
            label={t('network.form.isRisk', { name: personName })}
            description={t('network.form.isRiskHint', { name: personName })}
            checked={values.isRisk}
            onChange={(event) => set('isRisk', event.currentTarget.checked)}
          />
          {values.isRisk && <Textarea {...text('riskNote')} autosize minRows={2} />}
        </Stack>
      </Fieldset>
      <TextInput {...text('startedOn')} type="date" max={todayIso()} style={{ maxWidth: 220 }} />
      <PersonSearch
        excludeId={personId}
        value={props.linkedPerson}
        onChange={props.onLinkedPerson}
        error={errors.linkedPersonId || undefined}
      />
      <Textarea {...text('notes')} autosize minRows={2} />
    </Stack>
  );
}
