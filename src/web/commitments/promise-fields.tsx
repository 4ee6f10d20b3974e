import { Button, Fieldset, Group, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NetworkMember } from '../../domain/network.js';
import { localToday } from '../ui/local-time';
import { PromiseCheck } from './promise-check';
import { withParty, type PartyChoice, type PromiseField, type PromiseRowValues } from './promise-row';

interface Props {
  row: PromiseRowValues;
  onChange: (row: PromiseRowValues) => void;
  errors: Partial<Record<PromiseField, string>>;
  /** The name the person uses. */
  personName: string;
  members: NetworkMember[];
  legend: string;
  onRemove?: () => void;
}

/** One promise: who, to whom, what, by when — with the gentle check as the date is chosen. */
export function PromiseFields({ row, onChange, errors, personName, members, legend, onRemove }: Props) {
  const { t } = useTranslation();
  const options = [
    { value: 'you', label: t('promises.parties.you') },
    { value: 'person', label: t('promises.parties.person', { name: personName }) },
    ...members.map((member) => ({
      value: `member:${member.id}`,
      label: t('promises.parties.member', { name: member.name, relationship: member.relationship }),
    })),
    { value: 'other', label: t('promises.parties.other') },
  ];
  const set = (field: PromiseField, value: string) => onChange({ ...row, [field]: value });
  const err = (field: PromiseField) => ({ error: errors[field], 'aria-invalid': errors[field] ? true : undefined });

  return (
    <Fieldset legend={legend} variant="filled" p="sm" data-testid="promise-row" data-row={row.key}>
      <Stack gap="xs">
        <Group gap="sm" align="flex-start" wrap="wrap">
          <NativeSelect
            label={t('promises.fields.by')}
            data={options}
            value={row.by}
            onChange={(event) => onChange(withParty(row, 'by', event.currentTarget.value as PartyChoice))}
            style={{ flex: '1 1 180px' }}
            {...err('by')}
          />
          <NativeSelect
            label={t('promises.fields.to')}
            data={options}
            value={row.to}
            onChange={(event) => onChange(withParty(row, 'to', event.currentTarget.value as PartyChoice))}
            style={{ flex: '1 1 180px' }}
            {...err('to')}
          />
        </Group>
        {row.by === 'other' && (
          <TextInput
            label={t('promises.fields.byProfessionalName')}
            value={row.byName}
            onChange={(event) => set('byName', event.currentTarget.value)}
            autoComplete="off"
            {...err('byName')}
          />
        )}
        {row.to === 'other' && (
          <TextInput
            label={t('promises.fields.toProfessionalName')}
            value={row.toName}
            onChange={(event) => set('toName', event.currentTarget.value)}
            autoComplete="off"
            {...err('toName')}
          />
        )}
        <Textarea
          label={t('promises.fields.what')}
          description={t('promises.fields.whatHint')}
          autosize
          minRows={2}
          value={row.what}
          onChange={(event) => set('what', event.currentTarget.value)}
          {...err('what')}
        />
        <Group gap="sm" align="flex-end" justify="space-between" wrap="wrap">
          <TextInput
            type="date"
            label={t('promises.fields.dueOn')}
            min={localToday()}
            value={row.dueOn}
            onChange={(event) => set('dueOn', event.currentTarget.value)}
            style={{ flex: '0 1 200px' }}
            {...err('dueOn')}
          />
          {onRemove && (
            <Button variant="subtle" color="dark" size="compact-sm" onClick={onRemove}>
              {t('record.promises.remove')}
            </Button>
          )}
        </Group>
        {row.by === 'you' && <PromiseCheck dueOn={row.dueOn} />}
      </Stack>
    </Fieldset>
  );
}
