import { Group, Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
  /** What is being paged, for screen readers ("Pages of people"). */
  label: string;
}

/** Page controls with spoken labels; nothing when everything fits on one page. */
export function Pager({ page, pageSize, total, onChange, label }: Props) {
  const { t } = useTranslation();
  const pages = Math.ceil(total / pageSize);
  if (pages <= 1) {
    return null;
  }
  return (
    <Group component="nav" aria-label={label} justify="center">
      <Pagination
        total={pages}
        value={page}
        onChange={onChange}
        siblings={0}
        size="md"
        getItemProps={(number) => ({
          'aria-label': t('common.pager.page', { number }),
          'aria-current': number === page ? 'page' : undefined,
        })}
        getControlProps={(control) => ({ 'aria-label': t(`common.pager.${control}`) })}
      />
    </Group>
  );
}
