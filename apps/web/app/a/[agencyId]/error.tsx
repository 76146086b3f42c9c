'use client';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** A page of the agency failed on the server; the shell stays, the page can be retried. */
export default function AgencyError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
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
