import { Alert, Button, Container, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { loginRequest, type LoginRequest, type SessionResponse } from '../../domain/auth.js';
import { isApiError } from '../api/api-error';
import { api } from '../api/client';
import { FormMessage } from '../ui/form-message';
import { PageHeading } from '../ui/page-heading';
import { useZodForm } from '../ui/use-zod-form';
import { useSessionContext } from './session-context';
import { SignedOutNotice } from './signed-out-notice';

export function SignInPage() {
  const { t } = useTranslation();
  const { state, signedIn } = useSessionContext();
  const location = useLocation();
  const [needsCode, setNeedsCode] = useState(false);
  const form = useZodForm(loginRequest, { email: '', password: '', totpCode: undefined });

  const login = useMutation({
    mutationFn: (body: LoginRequest) =>
      api.post<SessionResponse>('/api/auth/login', body, { expectUnauthenticated: true }),
    onSuccess: signedIn,
    onError: (error) => {
      if (isApiError(error) && error.code === 'second_factor_required') {
        setNeedsCode(true);
        form.setFormError(null);
      } else if (isApiError(error, 429)) {
        const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
        form.setFormError(t('auth.signIn.throttled', { count: minutes }));
      } else if (isApiError(error) && error.code === 'invalid_credentials') {
        form.setFormError(t('auth.signIn.invalid'));
      } else {
        form.showError(error, t('common.unreachable'));
      }
    },
  });

  if (state.status === 'signed-in') {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from?.startsWith('/') ? from : '/'} replace />;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const values = form.validate();
    if (values) {
      login.mutate(needsCode ? values : { email: values.email, password: values.password });
    }
  }

  const reason = state.status === 'signed-out' ? state.reason : null;
  return (
    <Container size={460} px="md" py="xl" component="main" id="main-content">
      <Stack gap="lg">
        <Text fw={700} fz="xl" c="teal.9">
          {t('shell.productName')}
        </Text>
        <PageHeading>{t('auth.signIn.title')}</PageHeading>
        <SignedOutNotice reason={reason} idleMinutes={state.status === 'signed-out' ? state.idleMinutes : 30} />
        <Paper withBorder p="lg" radius="md">
          <form id={form.formId} onSubmit={submit} noValidate>
            <Stack>
              <FormMessage message={form.formError} />
              <TextInput
                label={t('auth.signIn.email')}
                type="email"
                autoComplete="username"
                required
                {...form.textProps('email')}
              />
              <PasswordInput
                label={t('auth.signIn.password')}
                autoComplete="current-password"
                required
                {...form.textProps('password')}
              />
              {needsCode && (
                <>
                  <Alert color="blue" variant="light">
                    {t('auth.signIn.codeNeeded')}
                  </Alert>
                  <TextInput
                    label={t('auth.signIn.code')}
                    description={t('auth.signIn.codeHint')}
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    maxLength={6}
                    required
                    autoFocus
                    {...form.textProps('totpCode')}
                  />
                </>
              )}
              <Button type="submit" loading={login.isPending}>
                {t('auth.signIn.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
        <Text size="sm" c="gray.7">
          {t('auth.signIn.help')}
        </Text>
      </Stack>
    </Container>
  );
}
