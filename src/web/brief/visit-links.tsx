import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

interface Props {
  personId: string;
  /** The id of the element naming the person: read after "Brief" in a list of people. */
  describedBy?: string;
}

/** Before a visit and after it, one click each: the brief, and recording the contact. */
export function VisitLinks({ personId, describedBy }: Props) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        component={Link}
        to={`/people/${personId}/brief`}
        variant="light"
        size="compact-md"
        aria-describedby={describedBy}
      >
        {t('people.caseload.brief')}
      </Button>
      <Button
        component={Link}
        to={`/people/${personId}/contacts/new`}
        variant="subtle"
        size="compact-md"
        aria-describedby={describedBy}
      >
        {t('people.caseload.recordVisit')}
      </Button>
    </Group>
  );
}
