'use client';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SecretField } from '@/components/ui/secret-field';
import { formatDateTime } from '@/lib/format';
import type { RevealedSecret } from './types';

const verifySnippet = `import { Webhook } from 'standardwebhooks';

const wh = new Webhook(process.env.DRAMAC_WEBHOOK_SECRET);
// throws unless the request was signed with this secret
const event = wh.verify(rawBody, request.headers);`;

/** The signing secret, right after it was made: the only time anyone can read it. */
export function SecretDialog({ revealed, onClose }: { revealed: RevealedSecret | null; onClose: () => void }) {
  return (
    <Dialog
      open={revealed !== null}
      onClose={onClose}
      size="md"
      title={revealed?.kind === 'rotated' ? 'Copy the new signing secret' : 'Endpoint added: copy its signing secret'}
      description={
        <>
          Your receiver uses it to check that requests to{' '}
          <span className="font-mono text-slate-700 break-all">{revealed?.url}</span> really come from Dramac.
        </>
      }
      footer={<Button onClick={onClose}>I have stored the secret</Button>}
    >
      {revealed && (
        <>
          <Alert tone="warning" title="This secret will not be shown again">
            Store it now, for example in your receiver’s environment as <code className="font-mono">DRAMAC_WEBHOOK_SECRET</code>.
            If you lose it, rotate the secret to get a new one.
          </Alert>
          <SecretField id="webhook-secret" label="Signing secret" value={revealed.secret} />
          {revealed.kind === 'rotated' && revealed.previousExpiresAt && (
            <Alert tone="info" title="The previous secret still works for 24 hours">
              Until {formatDateTime(revealed.previousExpiresAt)}, every delivery carries a signature from both secrets, so you can
              deploy the new one without missing events.
            </Alert>
          )}
          <div>
            <p className="text-xs font-medium text-slate-500">Verify a delivery (Standard Webhooks)</p>
            <pre className="mt-1.5 overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100">
              {verifySnippet}
            </pre>
          </div>
        </>
      )}
    </Dialog>
  );
}
