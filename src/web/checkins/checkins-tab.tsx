import { Alert, Button, Card, Group, List, Loader, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckinResponse, Instrument } from '../../domain/checkins.js';
import type { Person } from '../../domain/people.js';
import { useDateFormat } from '../i18n/format';
import { HandOver } from './hand-over';
import { TrendChart } from './trend-chart';
import { trendsOf } from './trend';
import { useInstruments, usePersonCheckins, useRecentContacts } from './use-checkins';

/** The "How it's going" tab: the person's check-ins over time, what they raised, and handing the device over. */
export function CheckinsTab({ person }: { person: Person }) {
  const { t } = useTranslation();
  const checkins = usePersonCheckins(person.id);
  const instruments = useInstruments();
  const contacts = useRecentContacts(person.id);
  const [chosen, setChosen] = useState<string>('');
  const [handedOver, setHandedOver] = useState<{ instrument: Instrument; mode: 'handed_over' | 'together' } | null>(
    null,
  );
  const [saved, setSaved] = useState<string | null>(null);
  const name = person.addressAs ?? person.fullName;
  const instrumentList = instruments.data?.items ?? [];
  const selected = instrumentList.find((item) => item.id === chosen) ?? instrumentList[0];
  const error = checkins.error ?? instruments.error ?? contacts.error;

  return (
    <Stack gap="xl">
      <Stack gap="sm" component="section" aria-labelledby="voice-heading">
        <Title order={2} size="h3" id="voice-heading">
          {t('voice.title', { name })}
        </Title>
        <Text size="sm">{t('voice.intro', { name })}</Text>
        <Card withBorder padding="sm">
          <Stack gap="xs">
            <Text size="sm">{t('voice.handOver.intro', { name })}</Text>
            <Group align="flex-end" wrap="wrap" gap="sm">
              <NativeSelect
                label={t('voice.handOver.choose')}
                data={instrumentList.map((item) => ({ value: item.id, label: item.title }))}
                value={selected?.id ?? ''}
                onChange={(event) => setChosen(event.currentTarget.value)}
                style={{ flex: '1 1 220px' }}
              />
              <Button
                disabled={!selected}
                onClick={() => {
                  setSaved(null);
                  setHandedOver(selected ? { instrument: selected, mode: 'handed_over' } : null);
                }}
              >
                {t('voice.handOver.start')}
              </Button>
              <Button
                variant="light"
                disabled={!selected}
                onClick={() => {
                  setSaved(null);
                  setHandedOver(selected ? { instrument: selected, mode: 'together' } : null);
                }}
              >
                {t('voice.handOver.together')}
              </Button>
            </Group>
          </Stack>
        </Card>
        <div role="status">
          {saved && (
            <Text size="sm" fw={600} c="teal.9">
              {saved}
            </Text>
          )}
        </div>
        {handedOver && (
          <HandOver
            personId={person.id}
            instrument={handedOver.instrument}
            mode={handedOver.mode}
            onClose={(wasSaved) => {
              setHandedOver(null);
              setSaved(wasSaved ? t('voice.handOver.saved') : null);
            }}
          />
        )}
        {(checkins.isPending || instruments.isPending || contacts.isPending) && !error && (
          <Loader aria-label={t('common.loading')} />
        )}
        {error && (
          <Alert color="red" role="alert">
            {error.message}
          </Alert>
        )}
        {checkins.data && checkins.data.items.length === 0 && <Text size="sm">{t('voice.none', { name })}</Text>}
      </Stack>
      {checkins.data && instruments.data && contacts.data && checkins.data.items.length > 0 && (
        <>
          <Stack gap="md" component="section" aria-labelledby="voice-trend-heading">
            <Title order={2} size="h3" id="voice-trend-heading">
              {t('voice.trend.title')}
            </Title>
            {trendsOf(checkins.data.items, instruments.data.items, contacts.data.items).map((trend) => (
              <TrendChart key={trend.instrumentKey} trend={trend} personName={name} />
            ))}
          </Stack>
          <Stack gap="sm" component="section" aria-labelledby="voice-list-heading">
            <Title order={2} size="h3" id="voice-list-heading">
              {t('voice.list.title')}
            </Title>
            <List listStyleType="none" spacing="sm" aria-label={t('voice.list.label')}>
              {checkins.data.items.map((checkin) => (
                <CheckinItem key={checkin.id} checkin={checkin} instruments={instruments.data.items} name={name} />
              ))}
            </List>
          </Stack>
        </>
      )}
    </Stack>
  );
}

/** Averages such as a baseline, to one decimal place at most. */
const round = (value: number) => Math.round(value * 10) / 10;

function CheckinItem({
  checkin,
  instruments,
  name,
}: {
  checkin: CheckinResponse;
  instruments: Instrument[];
  name: string;
}) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const definition = instruments.find((item) => item.id === checkin.instrument.id)?.definition;
  const itemText = (linkId: string) => definition?.items.find((item) => item.linkId === linkId)?.text ?? linkId;
  const texts = (definition?.items ?? []).filter(
    (item) => item.type === 'text' && typeof checkin.answers[item.linkId] === 'string',
  );
  return (
    <List.Item data-testid="checkin" data-alerted={checkin.alerts.length > 0}>
      <Card withBorder padding="sm">
        <Stack gap={4}>
          <Text fw={700} size="sm">
            {t('voice.list.entry', { title: checkin.instrument.title, date: format.dateTime(checkin.completedAt) })}
          </Text>
          <Text size="sm">
            {checkin.total !== null && <>{t('voice.list.total', { total: checkin.total })} · </>}
            {t(`voice.list.mode.${checkin.mode}`, { name })}
          </Text>
          {texts.map((item) => (
            <Text size="sm" key={item.linkId}>
              {t('voice.list.theirWords', { text: String(checkin.answers[item.linkId]) })}
            </Text>
          ))}
          {checkin.alerts.length === 0 ? (
            <Text size="sm">{t('voice.list.nothingRaised')}</Text>
          ) : (
            <Alert color="orange" variant="light" title={t('voice.prompt.heading')} data-testid="checkin-prompt">
              <Stack gap={2}>
                {checkin.alerts.map((alert, index) => (
                  <Text size="sm" key={index}>
                    {alert.kind === 'item_low'
                      ? t('voice.prompt.itemLow', { name, item: itemText(alert.linkId), value: alert.value })
                      : alert.kind === 'total_low'
                        ? t('voice.prompt.totalLow', { total: alert.total })
                        : t('voice.prompt.totalDrop', {
                            name,
                            drop: round(alert.drop),
                            baseline: round(alert.baseline),
                          })}
                  </Text>
                ))}
              </Stack>
            </Alert>
          )}
        </Stack>
      </Card>
    </List.Item>
  );
}
