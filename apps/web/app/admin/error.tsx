'use client';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** A staff page failed on the server; it can be retried. */
export default function AdminError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Alert
      tone="danger"
      title="This page could not be loaded"
      actions={
        <Button size="sm" variant="secondary" onClick={reset}>
          Try again
        </Button>
      }
    >
      {error.digest ? `Something went wrong on our side (reference ${error.digest}).` : error.message}
    </Alert>
  );
}
