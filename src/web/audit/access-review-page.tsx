import { Alert, Anchor, Badge, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BreakGlassReviewItem } from '../../domain/audit.js';
import { withQuery, api } from '../api/client';
import { useDateFormat } from '../i18n/format';
import type { Page } from '../people/use-people';
import { PageHeading } from '../ui/page-heading';
import { Pager } from '../ui/pager';

const days = 30;

/** Supervisors and managers review each use of emergency access: who, which record, why, what they read. */
export function AccessReviewPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const review = useQuery({
    queryKey: ['access-review', days, page],
    queryFn: () => api.get<Page<BreakGlassReviewItem>>(withQuery('/api/access-reviews/break-glass', { days, page })),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

  return (
    <Stack gap="md">
      <PageHeading>{t('audit.review.title')}</PageHeading>
      <Text>{t('audit.review.intro', { count: days })}</Text>
      {review.isPending && <Loader aria-label={t('common.loading')} />}
      {review.isError && (
        <Alert color="red" role="alert">
          {review.error.message}
        </Alert>
      )}
      {review.data && review.data.items.length === 0 && (
        <Paper withBorder p="lg" bg="gray.0">
          <Text>{t('audit.review.empty', { count: days })}</Text>
        </Paper>
      )}
      {review.data && review.data.items.length > 0 && (
        <Stack
          component="ul"
          gap="sm"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('audit.review.listLabel')}
        >
          {review.data.items.map((item) => (
            <ReviewItem key={item.grantId} item={item} />
          ))}
        </Stack>
      )}
      {review.data && (
        <Pager
          page={page}
          pageSize={review.data.pageSize}
          total={review.data.total}
          onChange={setPage}
          label={t('audit.review.pagesLabel')}
        />
      )}
    </Stack>
  );
}

function ReviewItem({ item }: { item: BreakGlassReviewItem }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const [openedAt] = useState(() => Date.now());
  const active = Date.parse(item.expiresAt) > openedAt;
  return (
    <Paper component="li" withBorder p="md">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Title order={2} size="h5">
            {item.person
              ? t('audit.review.itemTitle', { user: item.user.displayName, person: item.person.fullName })
              : t('audit.review.itemTitleHidden', { user: item.user.displayName })}
          </Title>
          {active && (
            <Badge color="orange" variant="light">
              {t('audit.review.active')}
            </Badge>
          )}
        </Group>
        <Text size="sm">
          {t('audit.review.when', { from: format.dateTime(item.grantedAt), until: format.time(item.expiresAt) })}
        </Text>
        <Text size="sm">{t('audit.review.reason', { reason: item.reason })}</Text>
        <Text size="sm">{t('audit.review.reads', { count: item.readsDuringGrant })}</Text>
        {item.person && (
          <Anchor component={Link} to={`/people/${item.person.id}`} size="sm">
            {t('audit.review.open', { person: item.person.fullName })}
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}
