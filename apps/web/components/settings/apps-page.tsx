'use client';
import { useAgency } from '@/components/shell/agency-context';
import { Card, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { ConnectedApps } from './connected-apps';
import { OAuthApps } from './oauth-apps';
import { SettingsTabs } from './settings-tabs';

/** Settings → Apps: the apps connected to this agency's sites, and the OAuth apps it publishes. */
export function AppsSettingsPage() {
  const agency = useAgency();
  return (
    <>
      <PageHeader title="Settings" description={`Settings of ${agency.name}.`} />
      <SettingsTabs />
      {agency.isAdmin ? (
        <div className="space-y-6">
          <ConnectedApps />
          <OAuthApps />
        </div>
      ) : (
        <Card>
          <CardHeader title="Apps" />
          <p className="px-5 py-6 text-sm text-slate-500">
            Only owners and admins of {agency.name} can see and disconnect the apps connected to its sites, and register OAuth
            apps.
          </p>
        </Card>
      )}
    </>
  );
}
