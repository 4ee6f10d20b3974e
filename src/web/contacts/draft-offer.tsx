import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../domain/contacts.js';
import { useDateFormat } from '../i18n/format';

interface Props {
  draft: Contact;
  onContinue: () => void;
  onStartNew: () => void;
}

/** A draft kept on the server from earlier (a reload, another device): carry on with it, or start afresh. */
export function DraftOffer({ draft, onContinue, onStartNew }: Props) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const note = draft.notes.at(-1)?.text ?? '';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="draft-offer-heading" bg="gray.0">
      <Stack gap="sm">
        <Title order={2} size="h4" id="draft-offer-heading">
          {t('record.draft.offerTitle')}
        </Title>
        <Text>
          {t('record.draft.offerBody', {
            kind: t(`contacts.kinds.${draft.kind}`).toLocaleLowerCase(),
            time: format.dateTime(draft.createdAt),
          })}
        </Text>
        {note && (
          <Text size="sm" c="dark.6" lineClamp={3} style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
            {note}
          </Text>
        )}
        <Group gap="sm">
          <Button onClick={onContinue}>{t('record.draft.continue')}</Button>
          <Button variant="default" onClick={onStartNew}>
            {t('record.draft.startNew')}
          </Button>
        </Group>
        <Text size="sm" c="dark.6">
          {t('record.draft.startNewHint')}
        </Text>
      </Stack>
    </Paper>
  );
}
