import { NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-context';
import { useColleagues } from '../people/use-people';
import { PageHeading } from '../ui/page-heading';
import { ConsistencyFigures, PeriodControl, type Period } from './consistency-figures';
import { usePractitionerConsistency } from './use-consistency';

/**
 * "My consistency": the signed-in practitioner's figures. A supervisor can also look at a colleague
 * in their teams (a manager, anyone), as a starting point for supervision.
 */
export function MyConsistencyPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const overseer = user.role === 'supervisor' || user.role === 'manager';
  const [whose, setWhose] = useState(user.id);
  const [period, setPeriod] = useState<Period>('90');
  const consistency = usePractitionerConsistency(whose, Number(period));
  return (
    <Stack gap="md">
      <PageHeading>{t('consistency.mineTitle')}</PageHeading>
      <Text size="sm">{t('consistency.mineIntro')}</Text>
      {overseer && <WhoseFigures value={whose} onChange={setWhose} />}
      <PeriodControl value={period} onChange={setPeriod} />
      <ConsistencyFigures query={consistency} />
    </Stack>
  );
}

function WhoseFigures({ value, onChange }: { value: string; onChange: (userId: string) => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const colleagues = useColleagues(true);
  const others = (colleagues.data?.items ?? [])
    .filter((colleague) => colleague.id !== user.id)
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  return (
    <NativeSelect
      label={t('consistency.whose')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      data={[
        { value: user.id, label: t('consistency.me', { name: user.displayName }) },
        ...others.map((colleague) => ({ value: colleague.id, label: colleague.displayName })),
      ]}
      style={{ maxWidth: 320 }}
    />
  );
}
