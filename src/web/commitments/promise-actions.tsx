import { Alert, Button, Group, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { keepRequest, notKeptRequest, renegotiateRequest, type Commitment } from '../../domain/commitments.js';
import { isApiError } from '../api/api-error';
import { FormMessage } from '../ui/form-message';
import { localToday } from '../ui/local-time';
import { StaleEditAlert } from '../ui/stale-edit-alert';
import { useZodForm } from '../ui/use-zod-form';
import { useChangePromise, type PromiseChange } from './use-commitments';

type Mode = PromiseChange['kind'];

interface Props {
  commitment: Commitment;
  /** Who the promise is between, from our side: the one to talk it through with. */
  counterpart: string;
  /** Called with what was saved, to be announced. */
  onSaved: (message: string) => void;
}

/**
 * Keep, agree a new date (with the honest reason), or record it not kept. Each opens a short form
 * under the buttons; only one at a time.
 */
export function PromiseActions({ commitment, counterpart, onSaved }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode | null>(null);
  const panelId = useId();
  const toggle = (next: Mode) => setMode((current) => (current === next ? null : next));
  const done = (message: string) => {
    setMode(null);
    onSaved(message);
  };
  const button = (kind: Mode, label: string, variant: 'light' | 'default' | 'subtle') => (
    <Button
      size="xs"
      variant={variant}
      color={variant === 'subtle' ? 'dark' : undefined}
      aria-expanded={mode === kind}
      aria-controls={mode === kind ? panelId : undefined}
      onClick={() => toggle(kind)}
    >
      {label}
      <span className="visually-hidden">: {commitment.what}</span>
    </Button>
  );
  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="wrap" role="group" aria-label={t('promises.actions.label')}>
        {button('keep', t('promises.actions.keep'), 'light')}
        {button('renegotiate', t('promises.actions.renegotiate'), 'default')}
        {button('not-kept', t('promises.actions.notKept'), 'subtle')}
      </Group>
      {mode && (
        <Paper id={panelId} withBorder p="sm" bg="gray.0">
          {mode === 'keep' && <KeepForm commitment={commitment} onDone={done} onCancel={() => setMode(null)} />}
          {mode === 'renegotiate' && (
            <RenegotiateForm
              commitment={commitment}
              counterpart={counterpart}
              onDone={done}
              onCancel={() => setMode(null)}
            />
          )}
          {mode === 'not-kept' && (
            <NotKeptForm
              commitment={commitment}
              counterpart={counterpart}
              onDone={done}
              onCancel={() => setMode(null)}
            />
          )}
        </Paper>
      )}
    </Stack>
  );
}

interface FormProps {
  commitment: Commitment;
  counterpart: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}

type Stale = 'stale' | 'loaded' | null;

/**
 * Sends one change, made from the version on screen. A 412 (someone else changed the promise
 * since it was opened) keeps what was typed and offers the latest version; a 409 (already
 * finished, or the date did not move) shows the server's words and reads the lists again.
 */
function useSend(commitment: Commitment) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const change = useChangePromise(commitment.personId);
  const [stale, setStale] = useState<Stale>(null);
  const [loading, setLoading] = useState(false);
  const send = (
    body: PromiseChange,
    saved: string,
    onDone: (message: string) => void,
    form: { showError: (error: unknown, fallback: string) => void; setFormError: (message: string) => void },
  ) => {
    setStale(null);
    change.mutate(
      { commitment, change: body },
      {
        onSuccess: () => onDone(saved),
        onError: (error) => {
          if (isApiError(error, 412)) {
            setStale('stale');
            return;
          }
          if (isApiError(error, 409)) {
            form.setFormError(error.message);
            void queryClient.invalidateQueries({ queryKey: ['commitments'] });
            return;
          }
          form.showError(error, t('common.unreachable'));
        },
      },
    );
  };
  const loadLatest = async () => {
    setLoading(true);
    try {
      await queryClient.refetchQueries({ queryKey: ['commitments'], type: 'active' });
      setStale('loaded');
    } finally {
      setLoading(false);
    }
  };
  return { send, busy: change.isPending, stale, loading, loadLatest };
}

/** Someone else changed the promise first: said plainly; what was typed stays in the form. */
function StaleNotice({ stale, loading, onLoadLatest }: { stale: Stale; loading: boolean; onLoadLatest: () => void }) {
  const { t } = useTranslation();
  if (stale === 'stale') {
    return <StaleEditAlert state={{ kind: 'stale' }} loading={loading} onLoadLatest={onLoadLatest} />;
  }
  if (stale === 'loaded') {
    return (
      <Alert color="blue" variant="light" role="status" title={t('common.stale.loadedTitle')}>
        <Text size="sm" c="dark.9">
          {t('common.stale.loaded')} {t('common.stale.saveAgain')}
        </Text>
      </Alert>
    );
  }
  return null;
}

function FormFrame(props: {
  formId: string;
  notice: ReactNode;
  onSubmit: (event: FormEvent) => void;
  formError: string | null;
  busy: boolean;
  submitLabel: string;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form id={props.formId} onSubmit={props.onSubmit} noValidate>
      <Stack gap="sm">
        <FormMessage message={props.formError} />
        {props.notice}
        {props.children}
        <Group gap="sm">
          <Button type="submit" size="sm" loading={props.busy}>
            {props.submitLabel}
          </Button>
          <Button size="sm" variant="default" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function KeepForm({ commitment, onDone, onCancel }: Omit<FormProps, 'counterpart'>) {
  const { t } = useTranslation();
  const form = useZodForm(keepRequest, { keptOn: localToday() });
  const { send, busy, ...stale } = useSend(commitment);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const values = form.validate();
    if (values) {
      send({ kind: 'keep', keptOn: values.keptOn }, t('promises.actions.keptSaved'), onDone, form);
    }
  };
  return (
    <FormFrame
      formId={form.formId}
      onSubmit={submit}
      formError={form.formError}
      notice={<StaleNotice stale={stale.stale} loading={stale.loading} onLoadLatest={() => void stale.loadLatest()} />}
      busy={busy}
      submitLabel={t('promises.actions.saveKeep')}
      onCancel={onCancel}
    >
      <TextInput
        type="date"
        label={t('promises.actions.keptOnLabel')}
        description={t('promises.actions.keptOnHint')}
        max={localToday()}
        required
        style={{ maxWidth: 220 }}
        {...form.textProps('keptOn')}
      />
    </FormFrame>
  );
}

function RenegotiateForm({ commitment, counterpart, onDone, onCancel }: FormProps) {
  const { t } = useTranslation();
  const form = useZodForm(renegotiateRequest, { newDueOn: '', reason: '' });
  const { send, busy, ...stale } = useSend(commitment);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const values = form.validate();
    if (values && values.newDueOn === commitment.dueOn) {
      form.showError(null, t('promises.actions.sameDate'));
      return;
    }
    if (values) {
      send({ kind: 'renegotiate', ...values }, t('promises.actions.renegotiatedSaved'), onDone, form);
    }
  };
  return (
    <FormFrame
      formId={form.formId}
      onSubmit={submit}
      formError={form.formError}
      notice={<StaleNotice stale={stale.stale} loading={stale.loading} onLoadLatest={() => void stale.loadLatest()} />}
      busy={busy}
      submitLabel={t('promises.actions.saveRenegotiate')}
      onCancel={onCancel}
    >
      <Text size="sm">{t('promises.actions.renegotiateIntro', { name: counterpart })}</Text>
      <TextInput
        type="date"
        label={t('promises.actions.newDueLabel')}
        min={localToday()}
        required
        autoFocus
        style={{ maxWidth: 220 }}
        {...form.textProps('newDueOn')}
      />
      <Textarea
        label={t('promises.actions.reasonLabel')}
        description={t('promises.actions.reasonHint', { name: counterpart })}
        required
        autosize
        minRows={2}
        {...form.textProps('reason')}
      />
    </FormFrame>
  );
}

function NotKeptForm({ commitment, counterpart, onDone, onCancel }: FormProps) {
  const { t } = useTranslation();
  const form = useZodForm(notKeptRequest, { reason: '' });
  const { send, busy, ...stale } = useSend(commitment);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const values = form.validate();
    if (values) {
      send({ kind: 'not-kept', reason: values.reason }, t('promises.actions.notKeptSaved'), onDone, form);
    }
  };
  return (
    <FormFrame
      formId={form.formId}
      onSubmit={submit}
      formError={form.formError}
      notice={<StaleNotice stale={stale.stale} loading={stale.loading} onLoadLatest={() => void stale.loadLatest()} />}
      busy={busy}
      submitLabel={t('promises.actions.saveNotKept')}
      onCancel={onCancel}
    >
      <Text size="sm">{t('promises.actions.notKeptIntro', { name: counterpart })}</Text>
      <Textarea
        label={t('promises.actions.notKeptReasonLabel')}
        description={t('promises.actions.reasonHint', { name: counterpart })}
        required
        autosize
        minRows={2}
        autoFocus
        {...form.textProps('reason')}
      />
    </FormFrame>
  );
}
