import { Alert, Button, Group, Loader, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkMember } from '../../domain/network.js';
import type { Person } from '../../domain/people.js';
import { sharesUpdatesWith, useConsents } from '../consent/use-consents';
import { Ecomap } from './ecomap';
import { downloadPng, downloadSvg } from './ecomap-export';
import { EndTieDialog } from './end-tie-dialog';
import { LetterDialog } from './letter-dialog';
import { MemberDialog } from './member-dialog';
import { LineSample, NetworkList, type MemberAction } from './network-list';
import { useNetwork } from './use-network';

type Dialog = { kind: 'add' } | { kind: MemberAction; member: NetworkMember } | null;

/**
 * The person in their network: the ecomap and the same ties as a list. On phones the list comes
 * first and the ecomap is one tap away.
 */
export function NetworkTab({ person }: { person: Person }) {
  const { t } = useTranslation();
  const small = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [showPast, setShowPast] = useState(false);
  const [mapOnSmall, setMapOnSmall] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const network = useNetwork(person.id, showPast);
  const consents = useConsents(person.id);
  const sharesUpdates = useMemo(() => sharesUpdatesWith(consents.data), [consents.data]);
  const members = useMemo(
    () => [...(network.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
    [network.data],
  );
  const personName = person.addressAs ?? person.fullName;
  const showMap = !small || mapOnSmall;

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={2} size="h3">
          {t('network.title')}
        </Title>
        <Button onClick={() => setDialog({ kind: 'add' })}>{t('network.add')}</Button>
      </Group>
      <Text size="sm">{t('network.intro', { name: personName })}</Text>
      <Group gap="md" wrap="wrap">
        <Switch
          label={t('network.showPast')}
          checked={showPast}
          onChange={(event) => setShowPast(event.currentTarget.checked)}
        />
        {small && members.length > 0 && (
          <Button
            variant="outline"
            size="xs"
            aria-expanded={mapOnSmall}
            aria-controls="ecomap-section"
            onClick={() => setMapOnSmall((shown) => !shown)}
          >
            {mapOnSmall ? t('network.hideEcomap') : t('network.showEcomap')}
          </Button>
        )}
      </Group>
      {network.isPending && <Loader aria-label={t('common.loading')} />}
      {network.isError && (
        <Alert color="red" role="alert">
          {network.error.message}
        </Alert>
      )}
      {network.data && members.length === 0 && (
        <Paper withBorder p="lg" bg="gray.0">
          <Text>
            {showPast ? t('network.emptyWithPast', { name: personName }) : t('network.empty', { name: personName })}
          </Text>
        </Paper>
      )}
      {members.length > 0 && showMap && (
        <Paper withBorder p="sm" component="section" id="ecomap-section" aria-labelledby="ecomap-heading">
          <Stack gap="sm">
            <Title order={3} size="h4" id="ecomap-heading">
              {t('network.ecomap.title')}
            </Title>
            <Legend />
            <Ecomap
              ref={svgRef}
              personName={person.fullName}
              members={members}
              sharesUpdates={sharesUpdates}
              onOpen={(member) => setDialog({ kind: 'edit', member })}
            />
            <Text size="xs" c="dark.6">
              {t('network.ecomap.howToEdit')}
            </Text>
            <Group gap="xs" wrap="wrap">
              <Button size="xs" variant="default" onClick={() => svgRef.current && downloadSvg(svgRef.current)}>
                {t('network.ecomap.saveSvg')}
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  setExportError(null);
                  if (svgRef.current) {
                    downloadPng(svgRef.current).catch(() => setExportError(t('network.ecomap.pngFailed')));
                  }
                }}
              >
                {t('network.ecomap.savePng')}
              </Button>
            </Group>
            {exportError && (
              <Alert color="red" role="alert">
                {exportError}
              </Alert>
            )}
          </Stack>
        </Paper>
      )}
      {members.length > 0 && (
        <section aria-labelledby="network-list-heading">
          <Title order={3} size="h4" id="network-list-heading" mb="sm">
            {t('network.list.title', { count: members.length })}
          </Title>
          <NetworkList
            personId={person.id}
            personName={personName}
            members={members}
            sharesUpdates={sharesUpdates}
            onAction={(kind, member) => setDialog({ kind, member })}
          />
        </section>
      )}
      {dialog?.kind === 'add' && (
        <MemberDialog personId={person.id} personName={personName} member={null} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'edit' && (
        <MemberDialog
          key={dialog.member.id}
          personId={person.id}
          personName={personName}
          member={dialog.member}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'end' && (
        <EndTieDialog
          personId={person.id}
          personName={personName}
          member={dialog.member}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'letter' && (
        <LetterDialog
          personId={person.id}
          personName={personName}
          member={dialog.member}
          onClose={() => setDialog(null)}
        />
      )}
    </Stack>
  );
}

/** How to read the ecomap, in words beside each kind of line. */
function Legend() {
  const { t } = useTranslation();
  return (
    <Group
      gap="md"
      wrap="wrap"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('network.legend.label')}
    >
      {(['strong', 'tenuous', 'stressful'] as const).map((strength) => (
        <Group key={strength} component="li" gap={6} wrap="nowrap">
          <LineSample strength={strength} />
          <Text size="xs">{t(`network.strength.${strength}`)}</Text>
        </Group>
      ))}
      <Text component="li" size="xs">
        {t('network.legend.arrows')}
      </Text>
      <Text component="li" size="xs">
        {t('network.legend.risk')}
      </Text>
    </Group>
  );
}
