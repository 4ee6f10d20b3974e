import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BriefSection } from './brief-section';

const parts = [{ title: 'brief.later.workingAgreement', hint: 'brief.later.workingAgreementHint' }] as const;

/**
 * The place kept for the working agreement, which a later update fills. Said plainly, so nobody reads an empty space as "nothing was agreed".
 */
export function LaterSection({ name }: { name: string }) {
  const { t } = useTranslation();
  return (
    <BriefSection title={t('brief.later.title')} wide className="brief-later no-print">
      <Text size="sm" c="dark.7">
        {t('brief.later.intro', { name })}
      </Text>
      <SimpleGrid cols={1} spacing="md">
        {parts.map((part) => (
          <Stack key={part.title} gap={2}>
            <Title order={3} size="h5">
              {t(part.title)}
            </Title>
            <Text size="sm" c="dark.6">
              {t(part.hint, { name })}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
    </BriefSection>
  );
}
