import { prepareConsent } from '@dramac/api/oauth';
import { ShieldAlert } from 'lucide-react';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { requireUser } from '@/lib/auth';
import { param, type SearchParams } from '@/lib/search-params';
import { services } from '@/lib/services';
import { ConsentForm } from './consent-form';

export const metadata: Metadata = { title: 'Connect an app' };

/**
 * Where GET /oauth/authorize sends the browser: a signed-in dashboard user reviews the app, picks
 * one of the sites they administer and allows or denies. The form posts to
 * /oauth/authorize/decision, which issues the code.
 */
export default async function ConsentPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) search.append(name, v);
  }
  const here = `/oauth/consent?${search}`;
  const user = await requireUser(here);
  const screen = await prepareConsent(await services(), user, search);
  // an error the client must hear about (bad scope, missing PKCE…): straight back to it
  if (screen.kind === 'redirect') redirect(screen.location);
  if (screen.kind === 'fatal') {
    return (
      <AuthCard title="This app link cannot be used" description="The app that sent you here made a mistake in its request.">
        <div className="flex items-start gap-3 rounded-md bg-red-50 p-3 text-sm text-red-900">
          <ShieldAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
          <p>
            {screen.description} <span className="block pt-1 font-mono text-xs text-red-700">{screen.error}</span>
          </p>
        </div>
        <p className="mt-4 text-sm text-slate-500">
          Nothing was shared. Tell the app’s developer what you see here, or go back to the app and try again.
        </p>
      </AuthCard>
    );
  }
  const problem = param(query.problem);
  return (
    <ConsentForm
      screen={screen}
      user={{ name: user.name, email: user.email }}
      signOutTo={`/sign-in?next=${encodeURIComponent(here)}`}
      problem={problem === 'expired' || problem === 'site' ? problem : null}
    />
  );
}
