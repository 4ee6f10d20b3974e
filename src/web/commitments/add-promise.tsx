import { Alert, Button, Group, Loader, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../domain/people.js';
import { isApiError } from '../api/api-error';
import { useNetwork } from '../network/use-network';
import { FormMessage } from '../ui/form-message';
import { newKey } from '../ui/local-time';
import { checkNewPromise, rowErrorsFromProblems, type RowErrors } from './new-promise';
import { PromiseFields } from './promise-fields';
import { emptyPromiseRow } from './promise-row';
import { useAddPromise } from './use-commitments';

interface Props {
  person: Person;
  onDone: (message: string | null) => void;
}

/**
 * A promise recorded on its own, outside a visit: who, to whom, what, by when. Mounted only when
 * opened, so the network (for naming family members) is read only then.
 */
export function AddPromise({ person, onDone }: Props) {
  const { t } = useTranslation();
  const network = useNetwork(person.id, false);
  const add = useAddPromise(person.id);
  const [row, setRow] = useState(() => emptyPromiseRow(newKey()));
  // One key per promise as typed: a retry of the same promise reuses it, a changed one gets a new one.
  const [key, setKey] = useState(newKey);
  const [errors, setErrors] = useState<RowErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const personName = person.addressAs ?? person.fullName;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const checked = checkNewPromise(row);
    const focusProblem = () =>
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    if (!checked.ok) {
      setErrors(checked.errors);
      focusProblem();
      return;
    }
    add.mutate(
      { promise: checked.promise, key },
      {
        onSuccess: () => onDone(t('promises.add.saved')),
        onError: (error) => {
          if (!isApiError(error)) {
            setFormError(t('common.unreachable'));
            return;
          }
          const { errors: fieldErrors, elsewhere } = rowErrorsFromProblems(error.fieldProblems);
          setErrors(fieldErrors);
          setFormError(
            Object.keys(fieldErrors).length > 0 && elsewhere.length === 0
              ? null
              : [error.message, ...elsewhere].join(' '),
          );
          focusProblem();
        },
      },
    );
  }

  if (network.isPending) {
    return <Loader aria-label={t('common.loading')} />;
  }
  if (network.isError) {
    return (
      <Alert color="red" role="alert">
        {network.error.message}
      </Alert>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormMessage message={formError} />
        <PromiseFields
          row={row}
          onChange={(next) => {
            setRow(next);
            setKey(newKey());
            setErrors({});
          }}
          errors={errors}
          personName={personName}
          members={network.data.items}
          legend={t('promises.add.title')}
        />
        <Group gap="sm">
          <Button type="submit" loading={add.isPending}>
            {t('promises.add.save')}
          </Button>
          <Button variant="default" onClick={() => onDone(null)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
