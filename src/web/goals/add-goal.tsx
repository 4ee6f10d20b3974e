import { Alert, Button, Fieldset, Group, Loader, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../domain/people.js';
import { newGoal } from '../../domain/plans.js';
import { useNetwork } from '../network/use-network';
import { FormMessage } from '../ui/form-message';
import { localToday } from '../ui/local-time';
import { useFormErrors } from './goal-forms';
import { emptyStep, stepBody, StepFields, useStepOwners, type StepRow } from './step-fields';
import { useAddGoal } from './use-goals';

/** A goal in the person's words, with its first steps, each with an owner. */
export function AddGoal({ person, onDone }: { person: Person; onDone: (saved: string | null) => void }) {
  const { t } = useTranslation();
  const network = useNetwork(person.id, false);
  const add = useAddGoal(person.id);
  const name = person.addressAs ?? person.fullName;
  const [inTheirWords, setWords] = useState('');
  const [saidBy, setSaidBy] = useState(name);
  const [saidOn, setSaidOn] = useState(localToday());
  const [whyItMatters, setWhy] = useState('');
  const [strengths, setStrengths] = useState('');
  const [steps, setSteps] = useState<StepRow[]>(() => [emptyStep()]);
  const form = useFormErrors();
  const { err } = form;
  const owners = useStepOwners(name, network.data?.items ?? []);
  const setStep = (index: number, change: Partial<StepRow>) =>
    setSteps((rows) => rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const goal = form.check(
      element,
      newGoal.safeParse({
        inTheirWords,
        saidBy,
        saidOn,
        whyItMatters: whyItMatters.trim() === '' ? undefined : whyItMatters,
        strengths: strengths
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
        steps: steps.filter((row) => row.text.trim() !== '').map(stepBody),
      }),
    );
    if (goal) {
      add.mutate(goal, { onSuccess: () => onDone(t('goals.add.saved')), onError: form.failed(element) });
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
      <Fieldset legend={t('goals.add.legend')} variant="filled" p="sm">
        <Stack gap="sm">
          <FormMessage message={form.formError} />
          <Textarea
            label={t('goals.add.inTheirWords')}
            description={t('goals.add.inTheirWordsHint')}
            autosize
            minRows={2}
            value={inTheirWords}
            onChange={(event) => setWords(event.currentTarget.value)}
            {...err('inTheirWords')}
          />
          <Group gap="sm" align="flex-start" wrap="wrap">
            <TextInput
              label={t('goals.add.saidBy')}
              value={saidBy}
              onChange={(event) => setSaidBy(event.currentTarget.value)}
              autoComplete="off"
              style={{ flex: '1 1 180px' }}
              {...err('saidBy')}
            />
            <TextInput
              type="date"
              label={t('goals.add.saidOn')}
              max={localToday()}
              value={saidOn}
              onChange={(event) => setSaidOn(event.currentTarget.value)}
              style={{ flex: '0 1 180px' }}
              {...err('saidOn')}
            />
          </Group>
          <Textarea
            label={t('goals.add.whyItMatters')}
            autosize
            minRows={2}
            value={whyItMatters}
            onChange={(event) => setWhy(event.currentTarget.value)}
            {...err('whyItMatters')}
          />
          <Textarea
            label={t('goals.add.strengths')}
            autosize
            minRows={2}
            value={strengths}
            onChange={(event) => setStrengths(event.currentTarget.value)}
            {...err('strengths')}
          />
          {steps.map((row, index) => (
            <StepFields
              key={row.key}
              legend={t('goals.add.stepsLegend', { number: index + 1 })}
              row={row}
              owners={owners}
              field={`steps.${index}.`}
              err={err}
              onChange={(change) => setStep(index, change)}
            >
              {steps.length > 1 && (
                <Button
                  variant="subtle"
                  color="dark"
                  size="compact-sm"
                  style={{ alignSelf: 'flex-start' }}
                  onClick={() => setSteps((rows) => rows.filter((_, i) => i !== index))}
                >
                  {t('goals.add.removeStep')}
                </Button>
              )}
            </StepFields>
          ))}
          <Button
            variant="light"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => setSteps((rows) => [...rows, emptyStep()])}
          >
            {t('goals.add.addStep')}
          </Button>
          <Group gap="sm">
            <Button type="submit" loading={add.isPending}>
              {t('goals.add.save')}
            </Button>
            <Button variant="default" onClick={() => onDone(null)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}
