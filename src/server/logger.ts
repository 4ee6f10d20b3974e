import pino from 'pino';

/**
 * Structured logs without personal data: requests are logged by route pattern and status only, and
 * anything that looks like a credential is redacted if it ever reaches a log call (check 28).
 * JSON output escapes control characters, so user input cannot forge log lines.
 */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): pino.Logger {
  return pino({
    level,
    redact: {
      paths: [
        'password',
        '*.password',
        'token',
        '*.token',
        'cookie',
        '*.cookie',
        'headers.cookie',
        'csrfToken',
        '*.csrfToken',
      ],
      censor: '[redacted]',
    },
  });
}
