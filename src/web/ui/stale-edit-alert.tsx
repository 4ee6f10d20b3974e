import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export type StaleState = { kind: 'stale' } | { kind: 'rebased'; theirs: string[]; both: string[] } | null;

interface Props {
  state: StaleState;
  loading: boolean;
  onLoadLatest: () => void;
}

/**
 * Someone else saved first. Said plainly, without blame; what the user typed stays in the form,
 * and one button brings in the latest version with the user's changes on top.
 */
export function StaleEditAlert({ state, loading, onLoadLatest }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const kind = state?.kind ?? null;
  // The save button is at the bottom of a long form: bring the message into view, and put the
  // keyboard on its button.
  useEffect(() => {
    if (kind) {
      ref.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      if (kind === 'stale') {
        ref.current?.querySelector('button')?.focus({ preventScroll: true });
      }
    }
  }, [kind]);
  if (!state) {
    return null;
  }
  if (state.kind === 'stale') {
    return (
      <Alert ref={ref} color="orange" variant="light" role="alert" title={t('common.stale.title')}>
        <Stack gap="xs">
          <Text c="dark.9">{t('common.stale.body')}</Text>
          <Button onClick={onLoadLatest} loading={loading} color="orange.8" style={{ alignSelf: 'flex-start' }}>
            {t('common.stale.loadLatest')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert ref={ref} color="blue" variant="light" role="status" title={t('common.stale.loadedTitle')}>
      <Stack gap="xs">
        <Text c="dark.9">{t('common.stale.loaded')}</Text>
        {state.theirs.length === 0 ? (
          <Text c="dark.9">{t('common.stale.nothingDiffers')}</Text>
        ) : (
          <>
            <Text c="dark.9">{t('common.stale.theyChanged')}</Text>
            <List>
              {state.theirs.map((label) => (
                <List.Item key={label}>
                  {state.both.includes(label) ? t('common.stale.bothChanged', { field: label }) : label}
                </List.Item>
              ))}
            </List>
          </>
        )}
        <Text c="dark.9">{t('common.stale.saveAgain')}</Text>
      </Stack>
    </Alert>
  );
}
