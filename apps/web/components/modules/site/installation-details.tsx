'use client';
import type { ReactNode } from 'react';
import { DataTable, ManifestSummary, PermissionList } from '@/components/modules/manifest-summary';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import { RelativeTime } from '@/components/ui/time';
import { formatDate, formatDateTime } from '@/lib/format';
import type { Installation } from './types';

/** What the site gave the module and what it runs: version, who installed it, permissions, data. */
export function InstallationDetails({ installation: inst }: { installation: Installation }) {
  const tables = inst.manifest.data?.tables ?? [];
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title="Installation" />
        <CardBody>
          <dl className="grid gap-x-6 gap-y-4 text-sm sm:grid-cols-3">
            <Item label="Version">
              <span className="font-mono">{inst.version}</span>
              {inst.previousVersion && (
                <span className="block text-xs text-slate-500">
                  upgraded from <span className="font-mono">{inst.previousVersion}</span>
                </span>
              )}
            </Item>
            <Item label="Installed by">
              {inst.installedBy ? (
                <>
                  {inst.installedBy.name}
                  <span className="block truncate text-xs text-slate-500">{inst.installedBy.email}</span>
                </>
              ) : (
                <span className="text-slate-500">A former member</span>
              )}
            </Item>
            <Item label="Installed">
              <span title={formatDateTime(inst.createdAt)}>{formatDate(inst.createdAt)}</span>
            </Item>
            <Item label="Last changed">
              <RelativeTime value={inst.updatedAt} />
            </Item>
            {inst.uninstalledAt && (
              <Item label="Uninstalled">
                {formatDate(inst.uninstalledAt)}
                <span className="block text-xs text-slate-500">
                  {inst.purgeAfter ? `data kept until ${formatDate(inst.purgeAfter)}` : 'data deleted'}
                </span>
              </Item>
            )}
            <Item label="Installation ID">
              <span className="flex items-center gap-2">
                <code className="truncate font-mono text-xs">{inst.id}</code>
                <CopyButton value={inst.id} label="Copy ID" />
              </span>
            </Item>
          </dl>
        </CardBody>
      </Card>

      <Card>
        <CardHeader
          title="Permissions granted"
          description={`What ${inst.module.name} may do on this site, as agreed when it was installed or upgraded.`}
        />
        <CardBody>
          <PermissionList permissions={inst.grantedPermissions} empty="None: it only shows what it is given." />
        </CardBody>
      </Card>

      <Card>
        <CardHeader
          title="Data"
          description={
            tables.length > 0
              ? "Tables in the module's own database schema. This site's rows are visible only to this site."
              : undefined
          }
        />
        <CardBody className="space-y-3">
          {tables.length === 0 ? (
            <p className="text-sm text-slate-500">{inst.module.name} keeps no data of its own.</p>
          ) : (
            tables.map((t) => <DataTable key={t.name} table={t} />)
          )}
        </CardBody>
      </Card>

      <Card>
        <CardHeader title={`About version ${inst.version}`} />
        <CardBody>
          <ManifestSummary manifest={inst.manifest} sections={['about', 'settings', 'events', 'entryPoints', 'changelog']} />
        </CardBody>
      </Card>
    </div>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-slate-500">{label}</dt>
      <dd className="mt-1 text-slate-800">{children}</dd>
    </div>
  );
}
