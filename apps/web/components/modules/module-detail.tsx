'use client';
import type { Manifest } from '@dramac/manifest';
import { ChevronRight, History } from 'lucide-react';
import { useState } from 'react';
import { useAgency } from '@/components/shell/agency-context';
import { Alert } from '@/components/ui/alert';
import { BackLink } from '@/components/ui/back-link';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { RelativeTime } from '@/components/ui/time';
import { cn } from '@/lib/cn';
import { formatDateTime } from '@/lib/format';
import { type RouterOutputs, trpc } from '@/lib/trpc';
import { ManifestSummary } from './manifest-summary';
import { PackageUpload } from './package-upload';
import { VersionActions } from './version-actions';
import { moduleTypeLabel, type Version, VersionStatusBadge, versionStatuses } from './version-status';

type Module = RouterOutputs['modules']['get'];

/** One module: its versions with their review state and actions, and the package upload. */
export function ModuleDetail({ initial }: { initial: Module }) {
  const agency = useAgency();
  const { data: module = initial } = trpc.modules.get.useQuery(
    { agencyId: agency.id, moduleId: initial.id },
    { initialData: initial },
  );
  // the version whose manifest is shown; a fresh upload opens itself
  const [expanded, setExpanded] = useState<string | null>(null);
  const published = module.versions.filter((v) => v.status === 'published');

  return (
    <>
      <PageHeader
        back={<BackLink href={`/a/${agency.id}/modules`} label="Modules" />}
        title={module.name}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="font-mono text-xs">{module.slug}</span>
            <Badge>{moduleTypeLabel(module.type)}</Badge>
            <span>
              Installed on {module.activeInstallations} {module.activeInstallations === 1 ? 'site' : 'sites'}
            </span>
            <span>{published.length > 0 ? `Live: ${published.map((v) => v.version).join(', ')}` : 'Not published yet'}</span>
          </span>
        }
      />
      <div className="space-y-6">
        {agency.isAdmin ? (
          <PackageUpload agencyId={agency.id} moduleId={module.id} slug={module.slug} onUploaded={setExpanded} />
        ) : (
          <Alert tone="info">
            You can see this module. Only owners and admins of {agency.name} can upload and publish versions.
          </Alert>
        )}
        <Card className="overflow-hidden">
          <CardHeader
            title="Versions"
            description="Each upload is a draft; a Dramac reviewer approves it before you publish it. Versions only go up."
          />
          {module.versions.length === 0 ? (
            <EmptyState icon={History} title="No versions yet">
              {agency.isAdmin
                ? 'Upload the module’s package above: it becomes a draft you can submit for review.'
                : 'An admin has not uploaded a package yet.'}
            </EmptyState>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-sm">
                <thead>
                  <tr className="border-b border-slate-100 text-left text-xs text-slate-500">
                    <th scope="col" className="py-2.5 pr-3 pl-5 font-medium">
                      Version
                    </th>
                    <th scope="col" className="px-3 py-2.5 font-medium">
                      Status
                    </th>
                    <th scope="col" className="hidden px-3 py-2.5 font-medium sm:table-cell">
                      Uploaded
                    </th>
                    <th scope="col" className="hidden px-3 py-2.5 font-medium md:table-cell">
                      Review notes
                    </th>
                    <th scope="col" className="py-2.5 pr-5 pl-3">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                {module.versions.map((v) => (
                  <VersionRow
                    key={v.id}
                    version={v}
                    open={expanded === v.id}
                    onToggle={() => setExpanded(expanded === v.id ? null : v.id)}
                    actions={
                      agency.isAdmin && (
                        <VersionActions
                          agencyId={agency.id}
                          moduleId={module.id}
                          moduleName={module.name}
                          version={v}
                          activeInstallations={module.activeInstallations}
                        />
                      )
                    }
                  />
                ))}
              </table>
            </div>
          )}
        </Card>
        <p className="text-xs text-slate-400">
          Data schema <code className="font-mono">mod_{module.shortId}</code> · registered{' '}
          <RelativeTime value={module.createdAt} />
        </p>
      </div>
    </>
  );
}

function VersionRow({
  version: v,
  open,
  onToggle,
  actions,
}: {
  version: Version;
  open: boolean;
  onToggle: () => void;
  actions: React.ReactNode;
}) {
  const detailId = `version-${v.id}`;
  return (
    <tbody className="border-b border-slate-100 last:border-b-0">
      <tr className={cn('transition-colors hover:bg-slate-50', open && 'bg-slate-50')}>
        <td className="py-3 pr-3 pl-5">
          <button
            type="button"
            aria-expanded={open}
            aria-controls={detailId}
            onClick={onToggle}
            className="-ml-1 inline-flex items-center gap-1.5 rounded px-1 py-0.5 font-mono text-[0.8125rem] font-medium text-slate-900 hover:text-brand-700 focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            <ChevronRight aria-hidden className={cn('size-4 text-slate-400 transition-transform', open && 'rotate-90')} />
            <span className="sr-only">{open ? 'Hide' : 'Show'} the manifest of </span>
            {v.version}
          </button>
        </td>
        <td className="px-3 py-3">
          <VersionStatusBadge status={v.status} />
        </td>
        <td className="hidden px-3 py-3 text-xs whitespace-nowrap text-slate-500 sm:table-cell">
          <RelativeTime value={v.createdAt} />
        </td>
        <td className="hidden max-w-[18rem] px-3 py-3 md:table-cell">
          {v.reviewNotes ? (
            <span className="line-clamp-2 text-xs text-slate-600" title={v.reviewNotes}>
              {v.reviewNotes}
            </span>
          ) : (
            <span className="text-xs text-slate-400">{v.status === 'submitted' ? 'Waiting for review' : '—'}</span>
          )}
        </td>
        <td className="py-3 pr-5 pl-3">{actions}</td>
      </tr>
      {open && (
        <tr id={detailId}>
          <td colSpan={5} className="bg-slate-50/60 px-5 pt-2 pb-6">
            <VersionDetail version={v} />
          </td>
        </tr>
      )}
    </tbody>
  );
}

function VersionDetail({ version: v }: { version: Version }) {
  const status = versionStatuses[v.status];
  return (
    <div className="space-y-5 pl-7">
      <p className="text-xs text-slate-500">{status.help}.</p>
      {v.reviewNotes && (
        <Alert
          tone={v.status === 'rejected' ? 'warning' : 'info'}
          title={`Reviewer’s notes${v.reviewedAt ? ` · ${formatDateTime(v.reviewedAt)}` : ''}`}
        >
          <p className="whitespace-pre-line">{v.reviewNotes}</p>
        </Alert>
      )}
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <ManifestSummary manifest={v.manifest as Manifest} />
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-5 gap-y-1 border-t border-slate-200 pt-3 text-xs">
        <dt className="text-slate-500">Uploaded</dt>
        <dd className="text-slate-700">{formatDateTime(v.createdAt)}</dd>
        {v.packageHash && (
          <>
            <dt className="text-slate-500">Content hash</dt>
            <dd className="flex min-w-0 items-center gap-2 font-mono text-slate-700">
              <span className="truncate">{v.packageHash}</span>
              <CopyButton value={v.packageHash} />
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}
