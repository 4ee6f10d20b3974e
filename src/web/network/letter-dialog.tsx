import { Alert, Anchor, Button, Checkbox, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NetworkMember } from '../../domain/network.js';
import { isApiError } from '../api/api-error';
import { useDateFormat } from '../i18n/format';
import './letter.css';
import { useLetter } from './use-network';

interface Props {
  personId: string;
  personName: string;
  member: NetworkMember;
  onClose: () => void;
}

/**
 * A letter to someone in the person's network, to print. It needs the person's consent to share
 * updates with them; what the server left out (and why) is shown on screen only, never printed.
 */
export function LetterDialog({ personId, personName, member, onClose }: Props) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const small = useMediaQuery('(max-width: 36em)');
  const [includeContact, setIncludeContact] = useState(false);
  const letter = useLetter(personId);
  const noConsent = isApiError(letter.error, 409);

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('network.letter.title', { name: member.name })}
      size="xl"
      fullScreen={small}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      classNames={{ content: 'letter-dialog' }}
    >
      <Stack gap="md">
        {!letter.data && (
          <Stack gap="sm" className="no-print">
            <Text size="sm">{t('network.letter.intro', { name: personName })}</Text>
            <Checkbox
              label={t('network.letter.includeContact', { name: personName })}
              description={t('network.letter.includeContactHint')}
              checked={includeContact}
              onChange={(event) => setIncludeContact(event.currentTarget.checked)}
            />
            {noConsent && (
              <Alert color="orange" variant="light" role="alert" title={t('network.letter.noConsentTitle')}>
                <Stack gap="xs">
                  <Text c="dark.9">{t('network.letter.noConsent', { name: personName, member: member.name })}</Text>
                  <Anchor
                    component={Link}
                    to={`/people/${personId}/consent`}
                    state={{ recipientMemberId: member.id }}
                    onClick={onClose}
                    fw={600}
                  >
                    {t('network.letter.recordConsent')}
                  </Anchor>
                </Stack>
              </Alert>
            )}
            {letter.isError && !noConsent && (
              <Alert color="red" role="alert">
                {letter.error.message}
              </Alert>
            )}
            <Group gap="sm">
              <Button
                loading={letter.isPending}
                onClick={() => letter.mutate({ memberId: member.id, includePersonContact: includeContact })}
              >
                {t('network.letter.write')}
              </Button>
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        )}
        {letter.data && (
          <>
            {letter.data.withheld.length > 0 && (
              <Alert color="blue" variant="light" className="no-print" title={t('network.letter.withheldTitle')}>
                <Text size="sm" c="dark.9">
                  {t('network.letter.withheldIntro')}
                </Text>
                <List size="sm">
                  {letter.data.withheld.map((note) => (
                    <List.Item key={note}>{note}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <article className="printable-letter" aria-label={t('network.letter.letterLabel')}>
              <p className="letter-from">
                {letter.data.from.name}
                <br />
                {letter.data.from.organisation}
              </p>
              <p>
                {letter.data.to.name}
                {letter.data.to.address && (
                  <>
                    <br />
                    <span style={{ whiteSpace: 'pre-line' }}>{letter.data.to.address}</span>
                  </>
                )}
              </p>
              <p>{format.calendarDate(letter.data.date)}</p>
              <p>{letter.data.greeting}</p>
              {letter.data.paragraphs.map((paragraph) => (
                <p key={paragraph}>{paragraph}</p>
              ))}
              <p style={{ whiteSpace: 'pre-line' }}>{letter.data.signOff}</p>
            </article>
            <Group gap="sm" className="no-print">
              <Button onClick={() => window.print()}>{t('network.letter.print')}</Button>
              <Button variant="default" onClick={onClose}>
                {t('common.close')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
