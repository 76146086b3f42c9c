'use client';
import { RefreshCw } from 'lucide-react';
import { Alert } from './alert';
import { Button } from './button';

/** A failed query, with its message and a way to try again. */
export function QueryError({ error, retry, what = 'this' }: { error: { message: string }; retry: () => unknown; what?: string }) {
  return (
    <Alert
      tone="danger"
      title={`Could not load ${what}`}
      actions={
        <Button size="sm" variant="secondary" onClick={() => retry()}>
          <RefreshCw aria-hidden className="size-3.5" />
          Retry
        </Button>
      }
    >
      {error.message}
    </Alert>
  );
}
