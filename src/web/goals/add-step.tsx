import { Alert, Button, Group, Loader, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newGoalStep } from '../../domain/plans.js';
import { useNetwork } from '../network/use-network';
import { FormMessage } from '../ui/form-message';
import { useFormErrors } from './goal-forms';
import { emptyStep, stepBody, StepFields, useStepOwners } from './step-fields';
import { useAddStep } from './use-goals';

/** One more step towards a goal already agreed, with who will take it and by when. */
export function AddStepForm(props: {
  personId: string;
  goalId: string;
  personName: string;
  onDone: (saved: string | null) => void;
}) {
  const { t } = useTranslation();
  const network = useNetwork(props.personId, false);
  const add = useAddStep(props.personId, props.goalId);
  const owners = useStepOwners(props.personName, network.data?.items ?? []);
  const [row, setRow] = useState(emptyStep);
  const form = useFormErrors();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const step = form.check(element, newGoalStep.safeParse(stepBody(row)));
    if (step) {
      add.mutate(step, { onSuccess: () => props.onDone(t('goals.addStep.saved')), onError: form.failed(element) });
    }
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
      <Stack gap="xs">
        <FormMessage message={form.formError} />
        <StepFields
          legend={t('goals.addStep.legend')}
          row={row}
          owners={owners}
          field=""
          err={form.err}
          onChange={(change) => setRow((current) => ({ ...current, ...change }))}
        />
        <Group gap="sm">
          <Button type="submit" loading={add.isPending}>
            {t('goals.addStep.save')}
          </Button>
          <Button variant="default" onClick={() => props.onDone(null)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
