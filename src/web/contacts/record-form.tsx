import { Anchor, Button, Checkbox, Group, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Contact } from '../../domain/contacts.js';
import type { NetworkMember } from '../../domain/network.js';
import { isApiError } from '../api/api-error';
import { emptyPromiseRow } from '../commitments/promise-row';
import { FormMessage } from '../ui/form-message';
import { newKey } from '../ui/local-time';
import { StaleEditAlert } from '../ui/stale-edit-alert';
import { DraftStatus } from './draft-status';
import { RecordPromises } from './record-promises';
import { RecordTimeFields } from './record-time-fields';
import { finalBody, initialValues, valuesFromDraft, type RecordErrors, type RecordValues } from './record-model';
import { useContactDraft } from './use-contact-draft';

interface Props {
  personId: string;
  /** The name the person uses. */
  personName: string;
  members: NetworkMember[];
  /** A draft to carry on with, or null for a new contact. */
  draft: Contact | null;
}

/** How long after typing stops the draft is saved on the server. */
const autosaveMs = 700;

/**
 * Recording a contact, fast: only the kind and the time are needed, and both have defaults. What is
 * typed is kept on the server as a draft a moment after typing stops (never in browser storage);
 * "Record contact" makes it real, with its note and promises.
 */
export function RecordForm({ personId, personName, members, draft }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const formId = useId();
  const contact = useContactDraft(personId);
  const [values, setValues] = useState<RecordValues>(() => (draft ? valuesFromDraft(draft) : initialValues()));
  const [errors, setErrors] = useState<RecordErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const touched = useRef(false);
  const latest = useRef(values);
  const { adopt, saveDraft } = contact;

  useEffect(() => {
    if (draft) {
      adopt(draft);
    }
  }, [adopt, draft]);

  // Keep the draft on the server a moment after typing stops, and when leaving the page.
  useEffect(() => {
    latest.current = values;
    if (!touched.current) {
      return;
    }
    const timer = setTimeout(() => void saveDraft(values), autosaveMs);
    return () => clearTimeout(timer);
  }, [values, saveDraft]);
  useEffect(
    () => () => {
      if (touched.current && !busyRef.current) {
        void saveDraft(latest.current);
      }
    },
    [saveDraft],
  );

  function set<Key extends keyof RecordValues>(key: Key, value: RecordValues[Key]) {
    touched.current = true;
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => {
      const next = { ...current };
      delete next[key];
      return next;
    });
  }

  function showProblems(next: RecordErrors) {
    setErrors(next);
    requestAnimationFrame(() =>
      document.getElementById(formId)?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );
  }

  function addPromise() {
    const key = newKey();
    set('promises', [...values.promises, emptyPromiseRow(key)]);
    // Straight to "What was promised": who and to whom default to you and the person.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-row="${key}"] textarea`)?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busyRef.current) {
      return; // a double click records once
    }
    setFormError(null);
    const unsaved = values.promises.filter((row) => !contact.savedPromiseKeys.includes(row.key));
    const checked = finalBody(values, unsaved);
    if (!checked.ok) {
      showProblems(checked.errors);
      setFormError(t('record.problems'));
      return;
    }
    busyRef.current = true;
    setBusy(true);
    const result = await contact.record(values, checked.body, unsaved);
    busyRef.current = false;
    setBusy(false);
    if (result.ok) {
      touched.current = false;
      void navigate(`/people/${personId}/contacts`, {
        state: { recorded: result.contact.id, outcome: values.outcome },
      });
      return;
    }
    showProblems(result.errors);
    const detail = isApiError(result.error)
      ? (result.error.problem?.detail ?? result.error.message)
      : t('common.unreachable');
    setFormError(contact.isRecorded() ? t('record.partial', { detail }) : detail);
  }

  return (
    <form id={formId} onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="lg">
        <RecordTimeFields values={values} errors={errors} personName={personName} set={set} />
        <TextInput
          label={t('record.place')}
          description={t('record.placeHint')}
          value={values.place}
          onChange={(event) => set('place', event.currentTarget.value)}
          error={errors.place}
          aria-invalid={errors.place ? true : undefined}
          autoComplete="off"
          style={{ maxWidth: 420 }}
        />
        {members.length > 0 ? (
          <Checkbox.Group
            label={t('record.participants')}
            value={values.participantIds}
            onChange={(ids) => set('participantIds', ids)}
            error={errors.participantIds}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={6} mt={6}>
              {members.map((member) => (
                <Checkbox
                  key={member.id}
                  value={member.id}
                  label={t('promises.parties.member', { name: member.name, relationship: member.relationship })}
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        ) : (
          <Text size="sm" c="dark.6">
            {t('record.noMembers', { name: personName })}
          </Text>
        )}
        <Textarea
          label={t('record.note')}
          description={t('record.noteHint', { name: personName })}
          autosize
          minRows={5}
          value={values.note}
          onChange={(event) => set('note', event.currentTarget.value)}
          error={errors.note}
          aria-invalid={errors.note ? true : undefined}
        />
        <RecordPromises
          rows={values.promises}
          savedKeys={contact.savedPromiseKeys}
          errors={errors}
          personName={personName}
          members={members}
          onChange={(rows) => set('promises', rows)}
          onAdd={addPromise}
        />
        <StaleEditAlert
          state={contact.state.kind === 'stale' ? { kind: 'stale' } : null}
          loading={false}
          onLoadLatest={() => void contact.loadLatest()}
        />
        <FormMessage message={formError} />
        <DraftStatus state={contact.state} />
        <Group gap="md" wrap="wrap">
          <Button type="submit" size="md" loading={busy}>
            {t(`record.save.${values.outcome}`)}
          </Button>
          <Anchor component={Link} to={`/people/${personId}/brief`}>
            {t('record.back')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
