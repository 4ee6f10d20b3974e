import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkMember } from '../../domain/network.js';
import { isApiError } from '../api/api-error';
import { FormMessage } from '../ui/form-message';
import { rebase } from '../ui/stale-edit';
import { StaleEditAlert, type StaleState } from '../ui/stale-edit-alert';
import { MemberFields } from './member-fields';
import {
  memberChanges,
  newMemberFrom,
  toMemberValues,
  type MemberField,
  type MemberFormValues,
} from './member-form-model';
import { useAddMember, useLoadLatestMember, useUpdateMember } from './use-network';

interface Props {
  personId: string;
  personName: string;
  /** The tie to edit; null to add one. */
  member: NetworkMember | null;
  onClose: () => void;
}

/** Adds a tie, or edits one with the version it was read at (412 handled without losing typing). */
export function MemberDialog({ personId, personName, member, onClose }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const small = useMediaQuery('(max-width: 36em)');
  const [started, setStarted] = useState(() => ({ values: toMemberValues(member), version: member?.version ?? 0 }));
  const [values, setValues] = useState<MemberFormValues>(started.values);
  const [linkedPerson, setLinkedPerson] = useState(member?.linkedPerson ?? null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState<StaleState>(null);
  const [changedByOthers, setChangedByOthers] = useState<string[]>([]);
  const [loadingLatest, setLoadingLatest] = useState(false);
  const add = useAddMember(personId);
  const update = useUpdateMember(personId);
  const loadLatest = useLoadLatestMember(personId);
  const contactEditable = member === null || !member.contact.hidden;
  const label = (field: string) => t(`network.fields.${field}` as 'network.fields.name');

  function set<Key extends MemberField>(key: Key, value: MemberFormValues[Key]) {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: '' }));
  }

  function showProblems(next: Record<string, string>) {
    setErrors(next);
    requestAnimationFrame(() =>
      document.getElementById(formId)?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );
  }

  function onError(error: unknown) {
    if (isApiError(error, 412)) {
      setStale({ kind: 'stale' });
      return;
    }
    const next: Record<string, string> = {};
    for (const problem of isApiError(error) ? error.fieldProblems : []) {
      next[problem.field] ??= problem.message;
    }
    if (Object.keys(next).length > 0) {
      showProblems(next);
    } else {
      setFormError(isApiError(error) ? error.message : t('common.unreachable'));
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    if (member === null) {
      const result = newMemberFrom(values);
      if (!result.ok) {
        showProblems(result.errors);
        return;
      }
      add.mutate(result.value, { onSuccess: onClose, onError });
      return;
    }
    const result = memberChanges(started.values, values, { contactEditable });
    if (!result.ok) {
      showProblems(result.errors);
      return;
    }
    if (result.count === 0) {
      onClose();
      return;
    }
    update.mutate(
      { member: { id: member.id, version: started.version }, changes: result.value },
      { onSuccess: onClose, onError },
    );
  }

  async function loadLatestVersion() {
    if (!member) {
      return;
    }
    setLoadingLatest(true);
    try {
      const latest = await loadLatest(member.id);
      if (!latest) {
        setFormError(t('network.form.gone'));
        return;
      }
      const latestValues = toMemberValues(latest);
      const rebased = rebase(started.values, latestValues, values);
      setStarted({ values: latestValues, version: latest.version });
      setValues(rebased.values);
      // The linked person shown follows the value kept: someone else's, unless the user chose another.
      if (rebased.theirs.includes('linkedPersonId') && !rebased.both.includes('linkedPersonId')) {
        setLinkedPerson(latest.linkedPerson);
      }
      setChangedByOthers(rebased.theirs);
      setStale({ kind: 'rebased', theirs: rebased.theirs.map(label), both: rebased.both.map(label) });
    } catch (error) {
      setFormError(isApiError(error) ? error.message : t('common.unreachable'));
    } finally {
      setLoadingLatest(false);
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={member ? t('network.form.editTitle', { name: member.name }) : t('network.form.addTitle')}
      size="lg"
      fullScreen={small}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form id={formId} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('network.form.intro', { name: personName })}</Text>
          <StaleEditAlert state={stale} loading={loadingLatest} onLoadLatest={() => void loadLatestVersion()} />
          <FormMessage message={formError} />
          <MemberFields
            personId={personId}
            personName={personName}
            values={values}
            errors={errors}
            changedByOthers={changedByOthers}
            contactEditable={contactEditable}
            linkedPerson={linkedPerson}
            onLinkedPerson={(person) => {
              setLinkedPerson(person);
              set('linkedPersonId', person?.id ?? '');
            }}
            set={set}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending || update.isPending}>
              {member ? t('network.form.save') : t('network.form.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
