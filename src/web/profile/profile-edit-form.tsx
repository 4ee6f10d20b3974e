import { Button, Checkbox, Fieldset, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../domain/dates.js';
import type { Person } from '../../domain/people.js';
import { contactChannels, readingPreferences } from '../../domain/profile.js';
import { isApiError } from '../api/api-error';
import { FormMessage } from '../ui/form-message';
import { rebase } from '../ui/stale-edit';
import { StaleEditAlert, type StaleState } from '../ui/stale-edit-alert';
import { profileChanges, toFormValues, type ProfileField, type ProfileFormValues } from './profile-form-model';
import { useLoadLatestPerson, useUpdateProfile } from './use-profile';

interface Props {
  person: Person;
  /** Whether this reader may change the contact details (restricted ones: the allocated only). */
  contactEditable: boolean;
  /** `saved`: whether anything was saved. */
  onDone: (saved: boolean) => void;
}

/**
 * Edits the profile. Only the name is required; only changed fields are sent, with the version the
 * edit started from. If someone else saved first, nothing typed is lost (see StaleEditAlert).
 */
export function ProfileEditForm({ person, contactEditable, onDone }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const [started, setStarted] = useState(() => ({ values: toFormValues(person), version: person.version }));
  const [values, setValues] = useState<ProfileFormValues>(started.values);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState<StaleState>(null);
  const [changedByOthers, setChangedByOthers] = useState<string[]>([]);
  const [loadingLatest, setLoadingLatest] = useState(false);
  const update = useUpdateProfile(person.id);
  const loadLatest = useLoadLatestPerson(person.id);
  const label = (field: string) => t(`profile.fields.${field}` as 'profile.fields.fullName');

  function set<Key extends ProfileField>(key: Key, value: ProfileFormValues[Key]) {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: '' }));
  }

  function focusFirstProblem() {
    requestAnimationFrame(() =>
      document.getElementById(formId)?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const result = profileChanges(started.values, values, { contactEditable });
    if (!result.ok) {
      setErrors(result.errors);
      focusFirstProblem();
      return;
    }
    if (result.count === 0) {
      onDone(false);
      return;
    }
    update.mutate(
      { version: started.version, changes: result.changes },
      {
        onSuccess: () => onDone(true),
        onError: (error) => {
          if (isApiError(error, 412)) {
            setStale({ kind: 'stale' });
            return;
          }
          const next: Record<string, string> = {};
          for (const problem of isApiError(error) ? error.fieldProblems : []) {
            next[problem.field] ??= problem.message;
          }
          setErrors(next);
          if (Object.keys(next).length > 0) {
            focusFirstProblem();
          } else {
            setFormError(isApiError(error) ? error.message : t('common.unreachable'));
          }
        },
      },
    );
  }

  async function loadLatestVersion() {
    setLoadingLatest(true);
    try {
      const latest = await loadLatest();
      const latestValues = toFormValues(latest);
      const rebased = rebase(started.values, latestValues, values);
      setStarted({ values: latestValues, version: latest.version });
      setValues(rebased.values);
      setChangedByOthers(rebased.theirs);
      setStale({ kind: 'rebased', theirs: rebased.theirs.map(label), both: rebased.both.map(label) });
    } catch (error) {
      setFormError(isApiError(error) ? error.message : t('common.unreachable'));
    } finally {
      setLoadingLatest(false);
    }
  }

  /** Props shared by every text field: value, error, and a note when someone else changed it. */
  function field(key: ProfileField) {
    return {
      label: label(key),
      name: key,
      value: String(values[key] ?? ''),
      error: errors[key] || undefined,
      'aria-invalid': errors[key] ? true : undefined,
      description: changedByOthers.includes(key) ? t('profile.edit.changedByOthers') : undefined,
      onChange: (event: { currentTarget: { value: string } }) => set(key, event.currentTarget.value),
    };
  }

  return (
    <form id={formId} onSubmit={submit} noValidate aria-labelledby="profile-edit-heading">
      <Stack gap="md">
        <Text id="profile-edit-heading" fw={700} size="lg">
          {t('profile.edit.title')}
        </Text>
        <Text size="sm">{t('profile.edit.intro')}</Text>
        <StaleEditAlert state={stale} loading={loadingLatest} onLoadLatest={() => void loadLatestVersion()} />
        <FormMessage message={formError} />
        <Fieldset legend={t('profile.view.names')}>
          <Stack gap="sm">
            <TextInput {...field('fullName')} required autoComplete="off" />
            <TextInput {...field('legalName')} autoComplete="off" />
            <TextInput {...field('addressAs')} autoComplete="off" />
            <TextInput {...field('pronouns')} autoComplete="off" />
            <TextInput {...field('dateOfBirth')} type="date" max={todayIso()} style={{ maxWidth: 220 }} />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('profile.view.language')}>
          <Stack gap="sm">
            <TextInput {...field('preferredLanguage')} autoComplete="off" />
            <Checkbox
              label={t('profile.edit.interpreterNeeded')}
              checked={values.interpreterNeeded}
              onChange={(event) => set('interpreterNeeded', event.currentTarget.checked)}
            />
            {values.interpreterNeeded && <TextInput {...field('interpreterLanguage')} autoComplete="off" />}
            <Checkbox.Group
              label={label('readingPreferences')}
              value={values.readingPreferences}
              onChange={(chosen) => set('readingPreferences', chosen)}
              error={errors.readingPreferences || undefined}
            >
              <Group gap="sm" mt={4}>
                {readingPreferences.map((value) => (
                  <Checkbox key={value} value={value} label={t(`profile.reading.${value}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            <Checkbox.Group
              label={label('preferredChannels')}
              value={values.preferredChannels}
              onChange={(chosen) => set('preferredChannels', chosen)}
              error={errors.preferredChannels || undefined}
            >
              <Group gap="sm" mt={4}>
                {contactChannels.map((value) => (
                  <Checkbox key={value} value={value} label={t(`profile.channels.${value}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            <Textarea {...field('bestTimes')} autosize minRows={1} />
            <Textarea {...field('communicationToAvoid')} autosize minRows={2} />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('profile.view.accessAndCulture')}>
          <Stack gap="sm">
            <Textarea {...field('accessibilityNeeds')} autosize minRows={2} />
            <Textarea
              {...field('cultureAndFaith')}
              description={field('cultureAndFaith').description ?? t('profile.edit.inTheirWords')}
              autosize
              minRows={2}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('profile.contact.title')}>
          {contactEditable ? (
            <Stack gap="sm">
              <TextInput {...field('phone')} type="tel" autoComplete="off" />
              <TextInput {...field('email')} type="email" autoComplete="off" />
              <Textarea {...field('address')} autosize minRows={2} />
            </Stack>
          ) : (
            <Text size="sm">{t('profile.edit.contactNotEditable')}</Text>
          )}
        </Fieldset>
        <Group gap="sm">
          <Button type="submit" loading={update.isPending}>
            {t('profile.edit.save')}
          </Button>
          <Button variant="default" onClick={() => onDone(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
