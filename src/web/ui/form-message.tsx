import { Alert } from '@mantine/core';

/** A form-level problem, announced to screen readers as it appears. */
export function FormMessage({ message }: { message: string | null }) {
  if (!message) {
    return null;
  }
  return (
    <Alert color="red" variant="light" role="alert">
      {message}
    </Alert>
  );
}
