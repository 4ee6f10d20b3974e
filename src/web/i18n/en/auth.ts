export const auth = {
  signIn: {
    title: 'Sign in',
    email: 'Email address',
    password: 'Password',
    submit: 'Sign in',
    invalid: 'That email address and password do not match. Check them and try again.',
    throttled_one: 'Too many attempts. Please wait a minute, then try again.',
    throttled_other: 'Too many attempts. Please wait {{count}} minutes, then try again.',
    codeNeeded: 'Your account uses an authenticator app. Enter the 6-digit code it shows now.',
    code: '6-digit code',
    codeHint: 'From your authenticator app',
    help: 'Forgotten your password? Ask your Rapport administrator to set a new one.',
  },
  signedOut: {
    idle_one: 'You were signed out after {{count}} minute without activity. Sign in again to carry on.',
    idle_other: 'You were signed out after {{count}} minutes without activity. Sign in again to carry on.',
    expired: 'You were signed out because a session lasts at most 12 hours. Sign in again to carry on.',
    ended: 'Your session has ended. Sign in again to carry on.',
    signedOut: 'You have signed out.',
  },
  idle: {
    title: 'Are you still there?',
    message: 'You will be signed out in 2 minutes to protect people’s information.',
    stay: 'Stay signed in',
    close: 'Close this message and stay signed in',
  },
};
