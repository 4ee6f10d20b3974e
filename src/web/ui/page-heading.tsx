import { Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The h1's text. */
  children: string;
  /** The document title when the h1 holds personal data (titles reach browser history). */
  documentTitle?: string;
}

/**
 * The page's one h1. It sets the document title and takes focus when the page opens, so a screen
 * reader announces where the user has arrived after each navigation.
 */
export function PageHeading({ children, documentTitle }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  const title = documentTitle ?? children;

  useEffect(() => {
    document.title = t('shell.documentTitle', { page: title });
  }, [t, title]);

  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, []);

  return (
    <Title order={1} ref={ref} tabIndex={-1} size="h2" style={{ overflowWrap: 'anywhere' }}>
      {children}
    </Title>
  );
}
