import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../i18n/format';
import type { DraftState } from './use-contact-draft';

/** Where the draft is: saving, saved (and when), or not saved just now. Announced politely. */
export function DraftStatus({ state }: { state: DraftState }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const text =
    state.kind === 'saving'
      ? t('record.draft.saving')
      : state.kind === 'saved'
        ? t('record.draft.saved', { time: format.time(state.at.toISOString()) })
        : state.kind === 'failed'
          ? t('record.draft.failed')
          : '';
  return (
    <Text role="status" size="sm" c={state.kind === 'failed' ? 'orange.9' : 'dark.5'} mih="1.25rem">
      {text}
    </Text>
  );
}
