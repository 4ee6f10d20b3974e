import { Anchor, List, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useProfileItems } from './use-profile';

/**
 * Topics and approaches to take care with, above every part of the record: visible to the staff who
 * work with the person before any conversation, in a calm style (trauma-informed, not an alarm).
 */
export function ApproachWithCareBanner({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const items = useProfileItems(personId);
  const care = (items.data?.items ?? []).filter(
    (item) => item.kind === 'approach_with_care' && item.archivedAt === null,
  );
  if (care.length === 0) {
    return null;
  }
  return (
    <Paper withBorder p="sm" className="approach-with-care" component="section" aria-labelledby="care-banner-heading">
      <Stack gap={4}>
        <Text fw={700} id="care-banner-heading">
          {t('profile.items.approach_with_care.title')}
        </Text>
        <List spacing={2} size="sm">
          {care.map((item) => (
            <List.Item key={item.id} style={{ overflowWrap: 'anywhere' }}>
              {item.text}
            </List.Item>
          ))}
        </List>
        <Anchor component={Link} to={`/people/${personId}/what-matters`} size="sm">
          {t('profile.items.careBannerLink')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
