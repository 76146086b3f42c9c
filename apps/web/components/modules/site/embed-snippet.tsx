'use client';
// The Embed tab of a module that allows embedding: the snippet that shows it on the client's own
// website, the websites that may show it (the site's verified domains), and a preview of the
// widget. The snippet names the dashboard's own address, which only the browser knows for sure.
import { Globe, ShieldCheck } from 'lucide-react';
import { useEffect, useState } from 'react';
import { DomainStatusBadge } from '@/components/domains/status';
import { ModuleFrame } from '@/components/modules/module-frame';
import { useAgency } from '@/components/shell/agency-context';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/spinner';
import { trpc } from '@/lib/trpc';
import type { Installation } from './types';

/** Whether the installed version can be shown on a website at all (the manifest's embed.allowed and a widget). */
export const isEmbeddable = (inst: Installation) =>
  inst.status !== 'uninstalled' && inst.manifest.embed.allowed && !!inst.manifest.entryPoints.widget && !!inst.packageHash;

function snippet(dashboard: string, inst: Installation): string {
  const element = `dramac-${inst.module.slug}`;
  return [
    `<div id="${element}"></div>`,
    `<script src="${dashboard}/embed/sdk.js"></script>`,
    '<script>',
    `  Dramac.mount('#${element}', { installationId: '${inst.id}' });`,
    '</script>',
  ].join('\n');
}

export function EmbedSnippet({ installation: inst }: { installation: Installation }) {
  const agency = useAgency();
  const [dashboard, setDashboard] = useState<string | null>(null);
  useEffect(() => setDashboard(window.location.origin), []);
  const domains = trpc.domains.list.useQuery({ siteId: inst.siteId });
  const verified = domains.data?.filter((d) => d.status === 'verified') ?? [];
  const domainsPage = `/a/${agency.id}/sites/${inst.siteId}/domains`;
  const widget = inst.manifest.entryPoints.widget;
  const events = inst.manifest.events.map((e) => e.name);
  const code = dashboard ? snippet(dashboard, inst) : null;

  return (
    <div className="space-y-4">
      {inst.status === 'disabled' && (
        <Alert tone="warning" title="Disabled">
          Websites show a notice instead of {inst.module.name} until it is enabled again.
        </Alert>
      )}

      <Card aria-labelledby="embed-snippet-title">
        <CardHeader
          title={<span id="embed-snippet-title">Add it to your website</span>}
          description="Paste this where the widget belongs, on a page of one of the websites below."
          actions={code && <CopyButton value={code} label="Copy snippet" />}
        />
        <CardBody className="space-y-3">
          {code ? (
            <pre className="overflow-x-auto rounded-md bg-slate-900 px-4 py-3 font-mono text-[0.8125rem] leading-relaxed text-slate-100">
              <code>{code}</code>
            </pre>
          ) : (
            <Skeleton className="h-28 w-full" />
          )}
          <p className="text-sm text-slate-600">
            The widget sizes itself to its content
            {inst.manifest.embed.minHeight || inst.manifest.embed.maxHeight
              ? ` (${inst.manifest.embed.minHeight ?? 0}–${inst.manifest.embed.maxHeight ?? '∞'} px)`
              : ''}
            .
            {events.length > 0 && (
              <>
                {' '}
                The page hears its events ({events.join(', ')}) as{' '}
                <code className="font-mono text-[0.8125rem]">dramac:event</code> DOM events, or with{' '}
                <code className="font-mono text-[0.8125rem]">.on(name, callback)</code> on what{' '}
                <code className="font-mono text-[0.8125rem]">Dramac.mount</code> returns.
              </>
            )}
          </p>
        </CardBody>
      </Card>

      <Card aria-labelledby="embed-domains-title">
        <CardHeader
          title={<span id="embed-domains-title">Websites that may show it</span>}
          description="The site's verified domains. Any other website is refused, and cannot frame the widget."
          actions={
            verified.length > 0 && (
              <ButtonLink size="sm" variant="secondary" href={domainsPage}>
                Manage domains
              </ButtonLink>
            )
          }
        />
        {domains.isPending ? (
          <CardBody className="space-y-2">
            <Skeleton className="h-5 w-1/2" />
            <Skeleton className="h-5 w-1/3" />
          </CardBody>
        ) : domains.isError ? (
          <CardBody>
            <QueryError error={domains.error} retry={domains.refetch} what="the domains" />
          </CardBody>
        ) : verified.length === 0 ? (
          <EmptyState
            icon={Globe}
            title="No verified domain yet"
            action={
              <ButtonLink href={domainsPage} variant="secondary">
                Verify a domain
              </ButtonLink>
            }
          >
            The widget is only shown on websites whose domain this site has proven it owns.
          </EmptyState>
        ) : (
          <ul aria-label="Verified domains" className="divide-y divide-slate-100">
            {verified.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 px-5 py-3">
                <span className="flex min-w-0 items-center gap-2">
                  <ShieldCheck aria-hidden className="size-4 shrink-0 text-emerald-600" />
                  <span className="truncate font-medium text-slate-900">{d.hostname}</span>
                  <span className="truncate font-mono text-xs text-slate-500">{d.origins.join(' · ')}</span>
                </span>
                <DomainStatusBadge domain={d} />
              </li>
            ))}
          </ul>
        )}
      </Card>

      {inst.status === 'enabled' && inst.packageHash && widget && (
        <Card aria-labelledby="embed-preview-title" className="overflow-hidden">
          <CardHeader
            title={<span id="embed-preview-title">Preview</span>}
            description="The widget as visitors see it, with this site's settings. What you send from here is saved like a visitor's."
          />
          <ModuleFrame
            key={inst.packageHash}
            siteId={inst.siteId}
            moduleId={inst.moduleId}
            packageHash={inst.packageHash}
            entry="widget"
            entryPath={widget.path}
            title={`${inst.module.name} preview`}
            minHeight={inst.manifest.embed.minHeight ?? widget.defaultHeight}
            maxHeight={inst.manifest.embed.maxHeight}
          />
        </Card>
      )}
    </div>
  );
}
