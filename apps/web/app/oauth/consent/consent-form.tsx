'use client';
import type { ConsentScreen } from '@dramac/api/oauth';
import { Check, Globe } from 'lucide-react';
import { useEffect, useState } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { AppLogo } from '@/components/settings/app-logo';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';

type Consent = Extract<ConsentScreen, { kind: 'consent' }>;

const problems = {
  expired: 'This form expired or was opened in another session. Review the request and choose again.',
  site: 'Choose one of the sites you administer.',
};

/**
 * The consent form: a plain HTML form, so the decision is a real navigation the server answers
 * with a redirect to the app. Allow stays disabled until the page knows it is not framed by
 * another site (clickjacking), which needs this script to have run.
 */
export function ConsentForm({
  screen,
  user,
  signOutTo,
  problem,
}: {
  screen: Consent;
  user: { name: string; email: string };
  signOutTo: string;
  problem: 'expired' | 'site' | null;
}) {
  const { app, scopes, sites, fields } = screen;
  const [framed, setFramed] = useState<boolean | null>(null);
  useEffect(() => setFramed(window.top !== window.self), []);
  const [siteId, setSiteId] = useState(sites.find((s) => !s.connected)?.id ?? sites[0]?.id ?? '');
  const agencies = [...new Set(sites.map((s) => s.agencyName))];

  return (
    <form method="post" action="/oauth/authorize/decision" className="rounded-xl border border-slate-200 bg-white shadow-sm">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="flex items-center gap-4 border-b border-slate-100 p-6">
        <AppLogo name={app.name} url={app.logoUrl} className="size-12 text-base" />
        <div className="min-w-0">
          <h1 className="text-lg font-semibold tracking-tight text-slate-900">
            <span className="break-words">{app.name}</span> wants to connect to a site
          </h1>
          <p className="mt-0.5 text-sm text-slate-500">
            Published by <span className="font-medium text-slate-700">{app.publisher}</span>
          </p>
        </div>
      </div>

      <div className="space-y-6 p-6">
        {framed && (
          <Alert tone="danger" title="This page is shown inside another website">
            To protect your sites, connecting apps only works on this page opened directly. Open it in its own tab.
          </Alert>
        )}
        {problem && <Alert tone="warning">{problems[problem]}</Alert>}

        <fieldset className="space-y-2">
          <legend className="mb-2 text-sm font-medium text-slate-700">Site</legend>
          {sites.length === 0 ? (
            <Alert tone="info" title="You cannot connect apps yet">
              Only owners and admins of an agency can connect an app to its sites, and you administer none. Ask an admin of your
              agency, or deny the request.
            </Alert>
          ) : (
            sites.map((site) => (
              <label
                key={site.id}
                className="flex cursor-pointer items-center gap-3 rounded-md border border-slate-200 p-3 text-sm has-checked:border-brand-300 has-checked:bg-brand-50/50"
              >
                <input
                  type="radio"
                  name="site_id"
                  value={site.id}
                  checked={siteId === site.id}
                  onChange={() => setSiteId(site.id)}
                  className="size-4 accent-brand-600"
                />
                <Globe aria-hidden className="size-4 shrink-0 text-slate-400" />
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium text-slate-900">{site.name}</span>
                  {agencies.length > 1 && <span className="block truncate text-xs text-slate-500">{site.agencyName}</span>}
                </span>
                {site.connected && <Badge tone="success">Connected</Badge>}
              </label>
            ))
          )}
        </fieldset>

        <div>
          <h2 className="mb-2 text-sm font-medium text-slate-700">It will be able to</h2>
          <ul className="space-y-2">
            {scopes.map(({ scope, consent }) => (
              <li key={scope} className="flex items-start gap-3 text-sm text-slate-700">
                <Check aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-600" />
                <span>
                  {consent}
                  <code className="ml-2 font-mono text-xs text-slate-400">{scope}</code>
                </span>
              </li>
            ))}
          </ul>
          <p className="mt-4 text-xs text-slate-500">
            Only on the site you choose. You can disconnect the app at any time in Settings → Apps; it then loses access at once.
          </p>
        </div>
      </div>

      <div className="flex flex-wrap items-center justify-between gap-3 rounded-b-xl border-t border-slate-100 bg-slate-50/70 px-6 py-4">
        <div className="flex min-w-0 items-center gap-1 text-xs text-slate-500">
          <span className="truncate">
            Signed in as <span className="font-medium text-slate-700">{user.email}</span>
          </span>
          <SignOutButton variant="link" label="Not you?" callbackUrl={signOutTo} />
        </div>
        <div className="ml-auto flex gap-2">
          <Button type="submit" name="decision" value="deny" variant="secondary">
            Deny
          </Button>
          <Button type="submit" name="decision" value="allow" disabled={framed !== false || sites.length === 0 || !siteId}>
            Allow
          </Button>
        </div>
      </div>
    </form>
  );
}
