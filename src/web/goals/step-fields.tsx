import { Fieldset, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Party } from '../../domain/commitments.js';
import type { NetworkMember } from '../../domain/network.js';
import { localToday, newKey } from '../ui/local-time';

/** A step as typed: its owner is a choice from a list until it is sent. */
export interface StepRow {
  key: string;
  text: string;
  owner: string;
  professional: string;
  dueOn: string;
}

export const emptyStep = (): StepRow => ({ key: newKey(), text: '', owner: 'person', professional: '', dueOn: '' });

export function ownerOf(row: StepRow): Party {
  if (row.owner === 'you') {
    return { kind: 'practitioner' };
  }
  if (row.owner === 'person') {
    return { kind: 'person' };
  }
  if (row.owner === 'other') {
    return { kind: 'other_professional', name: row.professional };
  }
  return { kind: 'network_member', memberId: row.owner.slice('member:'.length) };
}

/** The step as the API takes it. */
export const stepBody = (row: StepRow) => ({
  text: row.text,
  owner: ownerOf(row),
  dueOn: row.dueOn === '' ? undefined : row.dueOn,
});

/** Who can own a step: the person, you, someone in their network, or another professional. */
export function useStepOwners(personName: string, members: readonly NetworkMember[]) {
  const { t } = useTranslation();
  return [
    { value: 'person', label: t('goals.add.ownerPerson', { name: personName }) },
    { value: 'you', label: t('goals.add.ownerYou') },
    ...members.map((member) => ({
      value: `member:${member.id}`,
      label: t('goals.add.ownerMember', { name: member.name, relationship: member.relationship }),
    })),
    { value: 'other', label: t('goals.add.ownerOther') },
  ];
}

type FieldError = (field: string) => { error: string | undefined; 'aria-invalid': boolean | undefined };

/** One step's fields: what will be done, by whom, by when. `field` is where the API names its problems. */
export function StepFields(props: {
  legend: string;
  row: StepRow;
  owners: { value: string; label: string }[];
  field: string;
  err: FieldError;
  onChange: (change: Partial<StepRow>) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { row, field, err, onChange } = props;
  return (
    <Fieldset legend={props.legend} p="sm">
      <Stack gap="xs">
        <TextInput
          label={t('goals.add.stepText')}
          value={row.text}
          onChange={(event) => onChange({ text: event.currentTarget.value })}
          autoComplete="off"
          {...err(`${field}text`)}
        />
        <Group gap="sm" align="flex-start" wrap="wrap">
          <NativeSelect
            label={t('goals.add.owner')}
            data={props.owners}
            value={row.owner}
            onChange={(event) => onChange({ owner: event.currentTarget.value })}
            style={{ flex: '1 1 180px' }}
            {...err(`${field}owner`)}
          />
          <TextInput
            type="date"
            label={t('goals.add.dueOn')}
            min={localToday()}
            value={row.dueOn}
            onChange={(event) => onChange({ dueOn: event.currentTarget.value })}
            style={{ flex: '0 1 180px' }}
            {...err(`${field}dueOn`)}
          />
        </Group>
        {row.owner === 'other' && (
          <TextInput
            label={t('goals.add.professionalName')}
            value={row.professional}
            onChange={(event) => onChange({ professional: event.currentTarget.value })}
            autoComplete="off"
            {...err(`${field}owner.name`)}
          />
        )}
        {props.children}
      </Stack>
    </Fieldset>
  );
}
