import { Alert, Anchor, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Brief } from '../../domain/brief.js';
import { isApiError } from '../api/api-error';
import { RecordUnavailable } from '../people/record-unavailable';
import { PageHeading } from '../ui/page-heading';
import { LastTimeSection, NetworkSection, RhythmSection } from './brief-history';
import { LaterSection } from './brief-later';
import { GoalsSection, LatestCheckInSection } from './brief-voice';
import { AddressSection, CareSection, RememberSection, WhatMattersSection } from './brief-person';
import { PromisesSection } from './brief-promises';
import { useBrief } from './use-brief';
import './brief.css';

/**
 * The pre-visit brief: everything to know before seeing someone, on one screen, from one request
 * (one audited read). Reached in one click from the caseload; it reads well on a phone in a car
 * park and prints on paper without the app around it.
 */
export function BriefPage() {
  const { personId = '' } = useParams();
  const { t } = useTranslation();
  const brief = useBrief(personId);

  if (brief.isPending) {
    return (
      <Stack>
        <PageHeading documentTitle={t('brief.documentTitle')}>{t('brief.opening')}</PageHeading>
        <Loader aria-label={t('common.loading')} />
      </Stack>
    );
  }
  if (brief.isError) {
    // The same words for "does not exist" and "not yours" (SECURITY.md check 8).
    if (isApiError(brief.error, 404) || isApiError(brief.error, 400) || isApiError(brief.error, 422)) {
      return <RecordUnavailable personId={personId} />;
    }
    return (
      <Stack>
        <PageHeading documentTitle={t('brief.documentTitle')}>{t('brief.errorTitle')}</PageHeading>
        <Alert color="red" role="alert">
          {brief.error.message}
        </Alert>
      </Stack>
    );
  }
  return <BriefContent brief={brief.data} />;
}

function BriefContent({ brief }: { brief: Brief }) {
  const { t } = useTranslation();
  const { person } = brief;
  const name = person.addressAs ?? person.fullName;
  return (
    <Stack gap="md" className="brief-page">
      {/* The page title stays generic: titles are kept in browser history. */}
      <PageHeading documentTitle={t('brief.documentTitle')}>{t('brief.title', { name: person.fullName })}</PageHeading>
      <Text c="dark.7">{t('brief.intro', { name })}</Text>
      <Group gap="sm" wrap="wrap" className="no-print" role="group" aria-label={t('brief.actionsLabel')}>
        <Button component={Link} to={`/people/${person.id}/contacts/new`}>
          {t('brief.recordVisit')}
        </Button>
        <Button variant="default" onClick={() => window.print()}>
          {t('brief.print')}
        </Button>
        <Anchor component={Link} to={`/people/${person.id}`}>
          {t('brief.openRecord')}
        </Anchor>
        <Anchor component={Link} to={`/people/${person.id}/contacts`}>
          {t('brief.contacts')}
        </Anchor>
      </Group>
      <div className="brief-grid">
        {/* In the order a practitioner needs them on the doorstep. */}
        <CareSection brief={brief} />
        <AddressSection brief={brief} />
        <RememberSection brief={brief} />
        <PromisesSection brief={brief} />
        <LastTimeSection brief={brief} />
        <RhythmSection brief={brief} />
        <WhatMattersSection brief={brief} />
        <NetworkSection brief={brief} />
        <GoalsSection brief={brief} />
        <LatestCheckInSection brief={brief} />
        <LaterSection name={name} />
      </div>
    </Stack>
  );
}
