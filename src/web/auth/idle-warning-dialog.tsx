import { Button, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  opened: boolean;
  onStay: () => void;
}

/** Warns two minutes before the automatic sign-out; closing it in any way keeps the session. */
export function IdleWarningDialog({ opened, onStay }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onStay}
      title={t('auth.idle.title')}
      centered
      closeButtonProps={{ 'aria-label': t('auth.idle.close') }}
    >
      <Stack>
        <Text role="alert">{t('auth.idle.message')}</Text>
        <Button onClick={onStay} data-autofocus>
          {t('auth.idle.stay')}
        </Button>
      </Stack>
    </Modal>
  );
}
