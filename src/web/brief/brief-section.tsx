import { Paper, Stack, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

interface Props {
  title: string;
  children: ReactNode;
  /** Across both columns on a wide screen. */
  wide?: boolean;
  className?: string;
}

/** One part of the brief: a card with its heading, named for screen readers by that heading. */
export function BriefSection({ title, children, wide, className }: Props) {
  const headingId = useId();
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby={headingId}
      className={[wide ? 'brief-wide' : '', className ?? ''].join(' ').trim() || undefined}
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
