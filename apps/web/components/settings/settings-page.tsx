'use client';
import { BookOpen, ExternalLink } from 'lucide-react';
import { useAgency } from '@/components/shell/agency-context';
import { buttonClasses } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { AgencyName } from './agency-name';
import { ApiTokens } from './api-tokens';
import { SettingsTabs } from './settings-tabs';

export function SettingsPage() {
  const agency = useAgency();
  return (
    <>
      <PageHeader title="Settings" description={`Settings of ${agency.name}.`} />
      <SettingsTabs />
      <div className="space-y-6">
        <AgencyName />
        <ApiTokens />
        <Card>
          <CardHeader title="REST API" />
          <CardBody className="flex flex-wrap items-center justify-between gap-4">
            <div className="flex items-start gap-3 text-sm">
              <BookOpen aria-hidden className="mt-0.5 size-4 shrink-0 text-slate-400" />
              <p className="text-slate-600">
                Send a token as{' '}
                <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs">Authorization: Bearer dra_…</code> to{' '}
                <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs">/api/v1</code>, or an OAuth access token of
                an app (Settings → Apps). The reference lists every endpoint and lets you try them.
              </p>
            </div>
            <a href="/docs/api" target="_blank" rel="noreferrer" className={buttonClasses({ variant: 'secondary' })}>
              API reference
              <ExternalLink aria-hidden className="size-3.5" />
            </a>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
