import { Box, Button, Chip, Fieldset, Group, Modal, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useBlocker } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Instrument } from '../../domain/checkins.js';
import { checkAnswers, type Answers } from '../../domain/instruments.js';
import { isApiError } from '../api/api-error';
import { FormMessage } from '../ui/form-message';
import { useRecordCheckin } from './use-checkins';

type Stage = 'answering' | 'thanks' | 'give-back';

/**
 * The device handed to the person: the whole screen shows only the instrument's own introduction
 * and questions, in large plain text — no navigation, no name, nothing else from the record. After
 * sending it thanks them and stays locked until the worker deliberately takes it back.
 *
 * Filled in together (`mode="together"`), the same screen is the worker's, beside the person: it
 * saves and closes, with nothing to hand back and nothing locked.
 */
export function HandOver({
  personId,
  instrument,
  mode = 'handed_over',
  onClose,
}: {
  personId: string;
  instrument: Instrument;
  mode?: 'handed_over' | 'together';
  /** Called when the screen closes; `saved` says whether the answers were saved. */
  onClose: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const record = useRecordCheckin(personId);
  const [answers, setAnswers] = useState<Answers>({});
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const [stage, setStage] = useState<Stage>('answering');
  const [returnTo, setReturnTo] = useState<Stage>('answering');
  const [formError, setFormError] = useState<string | null>(null);
  const { definition } = instrument;
  const count = definition.items.length;

  // While the device is handed over, the browser's Back button (or any link) must not lead back to
  // the record: only "Give back to worker" does. Signing out (idle time-out) still goes through.
  const together = mode === 'together';
  const blocker = useBlocker(({ nextLocation }) => !together && nextLocation.pathname !== '/sign-in');
  useEffect(() => {
    if (blocker.state === 'blocked') {
      blocker.reset();
    }
  }, [blocker]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const problems = checkAnswers(definition, answers);
    if (problems.length > 0) {
      setMissing(new Set(problems.map((problem) => problem.linkId)));
      requestAnimationFrame(() => element.querySelector<HTMLElement>('[data-missing="true"] input')?.focus());
      return;
    }
    const sent = Object.fromEntries(
      Object.entries(answers).filter(([, value]) => value !== undefined && value !== null && value !== ''),
    ) as Record<string, number | string>;
    record.mutate(
      { instrumentId: instrument.id, answers: sent, mode },
      {
        onSuccess: () => (together ? onClose(true) : setStage('thanks')),
        onError: (error) => setFormError(isApiError(error) ? error.message : t('common.unreachable')),
      },
    );
  }

  const set = (linkId: string, value: number | string) => {
    setAnswers((current) => ({ ...current, [linkId]: value }));
    setMissing((current) => {
      const next = new Set(current);
      next.delete(linkId);
      return next;
    });
  };

  return (
    <Modal
      opened
      onClose={() => undefined}
      fullScreen
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      title={definition.title}
      styles={{
        title: { fontSize: '1.5rem', fontWeight: 700 },
        body: { maxWidth: 640, margin: '0 auto' },
        header: { maxWidth: 640, margin: '0 auto' },
      }}
      data-testid="hand-over"
    >
      {stage === 'answering' && (
        <form onSubmit={submit} noValidate>
          <Stack gap="xl">
            {definition.introduction && <Text fz="lg">{definition.introduction}</Text>}
            {definition.items.map((item, index) => {
              const isMissing = missing.has(item.linkId);
              const legend = (
                <>
                  <Text span size="sm" display="block" c="dark.6">
                    {t('voice.handOver.question', { number: index + 1, count })}
                  </Text>
                  <Text span fz="xl" fw={600}>
                    {item.text}
                  </Text>
                  {!item.required && (
                    <Text span size="sm" c="dark.6">
                      {' '}
                      {t('voice.handOver.optional')}
                    </Text>
                  )}
                </>
              );
              if (item.type === 'text') {
                return (
                  <Textarea
                    key={item.linkId}
                    label={legend}
                    autosize
                    minRows={3}
                    size="lg"
                    value={String(answers[item.linkId] ?? '')}
                    onChange={(event) => set(item.linkId, event.currentTarget.value)}
                  />
                );
              }
              if (item.type === 'choice') {
                return (
                  <Radio.Group
                    key={item.linkId}
                    label={legend}
                    value={String(answers[item.linkId] ?? '')}
                    onChange={(value) => set(item.linkId, value)}
                    error={isMissing ? t('voice.handOver.missing') : undefined}
                    data-missing={isMissing}
                  >
                    <Stack gap="sm" mt="sm">
                      {item.options.map((option) => (
                        <Radio key={option.value} value={option.value} label={option.label} size="lg" />
                      ))}
                    </Stack>
                  </Radio.Group>
                );
              }
              const hintId = `hint-${item.linkId}`;
              return (
                <Fieldset
                  key={item.linkId}
                  legend={legend}
                  variant="unstyled"
                  data-missing={isMissing}
                  aria-describedby={hintId}
                  data-testid="hand-over-item"
                >
                  <Text id={hintId} size="md" mb="xs">
                    {t('voice.handOver.scaleHint', { min: item.anchors.min, max: item.anchors.max })}
                  </Text>
                  <Chip.Group
                    value={answers[item.linkId] === undefined ? '' : String(answers[item.linkId])}
                    onChange={(value) => set(item.linkId, Number(value))}
                  >
                    <Group gap={6}>
                      {Array.from({ length: item.max - item.min + 1 }, (_, n) => String(item.min + n)).map((value) => (
                        <Chip
                          key={value}
                          value={value}
                          size="lg"
                          variant="outline"
                          icon={null}
                          styles={{ label: { minWidth: 44, justifyContent: 'center', paddingInline: 10 } }}
                        >
                          {value}
                        </Chip>
                      ))}
                    </Group>
                  </Chip.Group>
                  <Group justify="space-between" mt={4} aria-hidden="true">
                    <Text size="sm">{item.anchors.min}</Text>
                    <Text size="sm">{item.anchors.max}</Text>
                  </Group>
                  {isMissing && (
                    <Text c="red.8" size="md" mt={4} role="alert">
                      {t('voice.handOver.missing')}
                    </Text>
                  )}
                </Fieldset>
              );
            })}
            <FormMessage message={formError} />
            <Group justify="space-between" wrap="wrap">
              <Button type="submit" size="lg" loading={record.isPending}>
                {together ? t('voice.together.send') : t('voice.handOver.send')}
              </Button>
              <Button
                variant="subtle"
                color="dark"
                onClick={() => (together ? onClose(false) : (setReturnTo('answering'), setStage('give-back')))}
              >
                {together ? t('voice.together.stop') : t('voice.handOver.stop')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {stage === 'thanks' && (
        <Stack gap="xl" align="flex-start" role="status">
          <Title order={2} size="h1">
            {t('voice.handOver.thanks')}
          </Title>
          <Text fz="xl">{t('voice.handOver.thanksBody')}</Text>
          <Button size="lg" variant="default" onClick={() => (setReturnTo('thanks'), setStage('give-back'))}>
            {t('voice.handOver.giveBack')}
          </Button>
        </Stack>
      )}
      {stage === 'give-back' && (
        <Box>
          <Stack gap="lg" align="flex-start">
            <Text fz="xl">{t('voice.handOver.giveBackCheck')}</Text>
            <Group>
              <Button size="lg" onClick={() => onClose(returnTo === 'thanks')}>
                {t('voice.handOver.giveBackConfirm')}
              </Button>
              <Button size="lg" variant="default" onClick={() => setStage(returnTo)}>
                {t('voice.handOver.stay')}
              </Button>
            </Group>
          </Stack>
        </Box>
      )}
    </Modal>
  );
}
