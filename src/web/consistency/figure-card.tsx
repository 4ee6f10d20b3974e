import { Anchor, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Figure } from '../../domain/consistency.js';
import { isSection } from '../people/person-sections';
import { figureText, percent, recordLink, recordsInOrder, type FigureName } from './figure';

/** One figure, in words first ("7 of 9 promises kept by their date"), opening to its records. */
export function FigureCard({ name, figure }: { name: FigureName; figure: Figure }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const headingId = useId();
  const listId = useId();
  const text = figureText[name];
  const title = t(`consistency.${text}.title`);
  const share = percent(figure.rate);
  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      withBorder
      p="md"
      data-testid="consistency-figure"
      data-figure={name}
    >
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap" align="baseline">
          <Title order={3} size="h4" id={headingId}>
            {title}
          </Title>
          {share !== null && (
            <Text fw={600} c="dark.6" aria-hidden="true">
              {t('consistency.percent', { percent: share })}
            </Text>
          )}
        </Group>
        {figure.denominator === 0 ? (
          <Text size="sm">{t(`consistency.${text}.none`)}</Text>
        ) : (
          <>
            <Text>{t(`consistency.${text}.sentence`, { numerator: figure.numerator, count: figure.denominator })}</Text>
            <Progress value={share ?? 0} color="teal.8" size="sm" aria-hidden="true" />
            <div>
              <Button
                size="compact-sm"
                variant="subtle"
                color="dark"
                aria-expanded={open}
                aria-controls={listId}
                onClick={() => setOpen((shown) => !shown)}
              >
                {open ? t('consistency.hideRecords') : t('consistency.showRecords', { count: figure.denominator })}
              </Button>
            </div>
            {open && <Records id={listId} figure={figure} text={text} title={title} />}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function Records(props: { id: string; figure: Figure; text: (typeof figureText)[FigureName]; title: string }) {
  const { t } = useTranslation();
  return (
    <Stack
      component="ul"
      id={props.id}
      gap={4}
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('consistency.recordsLabel', { title: props.title })}
    >
      {recordsInOrder(props.figure.behind).map((item) => (
        <li key={`${item.kind}-${item.id}`} data-testid="consistency-record" data-counts={item.counts}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Text
              span
              aria-hidden="true"
              fw={700}
              c={item.counts ? 'teal.9' : 'orange.9'}
              style={{ flex: '0 0 1.25em' }}
            >
              {item.counts ? '✓' : '○'}
            </Text>
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Anchor component={Link} to={recordLink(item, isSection)} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {item.label}
              </Anchor>
              <Text size="xs" c="dark.6">
                {item.counts ? t(`consistency.${props.text}.counts`) : t(`consistency.${props.text}.doesNot`)}
              </Text>
            </Stack>
          </Group>
        </li>
      ))}
    </Stack>
  );
}
