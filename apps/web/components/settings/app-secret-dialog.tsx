'use client';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SecretField } from '@/components/ui/secret-field';

/** A confidential app's secret, or null for a public app (it has none). */
export interface RevealedClient {
  kind: 'created' | 'rotated';
  name: string;
  clientId: string;
  clientSecret: string | null;
}

/** The app's credentials right after they were made: the only time the secret can be read. */
export function AppSecretDialog({ revealed, onClose }: { revealed: RevealedClient | null; onClose: () => void }) {
  const secret = revealed?.clientSecret ?? null;
  return (
    <Dialog
      open={revealed !== null}
      onClose={onClose}
      size="md"
      title={
        revealed?.kind === 'rotated'
          ? `Copy the new client secret of ${revealed.name}`
          : `${revealed?.name ?? 'App'} is registered`
      }
      description={
        secret
          ? 'The app authenticates to the token endpoint with its client ID and this secret.'
          : 'A public app has no secret: it proves itself with PKCE (S256) on every authorization.'
      }
      footer={<Button onClick={onClose}>{secret ? 'I have stored the secret' : 'Done'}</Button>}
    >
      {revealed && (
        <>
          {secret && (
            <Alert tone="warning" title="This secret will not be shown again">
              Store it in the app’s server-side secret store. If you lose it, rotate the secret to get a new one.
            </Alert>
          )}
          <SecretField id="oauth-client-id" label="Client ID" value={revealed.clientId} />
          {secret && <SecretField id="oauth-client-secret" label="Client secret" value={secret} />}
          <p className="text-xs text-slate-500">
            Endpoints and scopes are published at{' '}
            <a href="/.well-known/oauth-authorization-server" target="_blank" rel="noreferrer" className="font-mono underline">
              /.well-known/oauth-authorization-server
            </a>
            .
          </p>
        </>
      )}
    </Dialog>
  );
}
