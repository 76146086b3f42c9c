// A site's installed modules as the REST API shows them: version, status, non-secret settings,
// granted permissions and the tables their data routes reach. Uninstalled ones (even with data
// still retained) are gone for an integration.
import type { Db } from '@dramac/db';
import type { MODULE_TYPES } from '@dramac/manifest';
import { notFound } from '../../errors.ts';
import { type VersionContract, versionContract } from '../gateway/contract.ts';
import { grantedPermissions, visibleSettings } from '../gateway/module-context.ts';

const shown = {
  module: { select: { id: true, slug: true, name: true, type: true } },
  version: { select: { id: true, version: true } },
} as const;

const installed = { status: { in: ['enabled' as const, 'disabled' as const] } };

const loadOne = (db: Db, siteId: string, installationId: string) =>
  db.moduleInstallation.findFirst({ where: { id: installationId, siteId, ...installed }, include: shown });

type Loaded = NonNullable<Awaited<ReturnType<typeof loadOne>>>;

function tablesOf(contract: VersionContract) {
  return [...contract.tables.values()].map((table) => ({
    name: table.spec.name,
    columns: [...table.columns.values()].map((column) => ({
      name: column.name,
      type: column.type,
      writable: column.writable,
      required: table.spec.columns.some((c) => c.name === column.name && c.required),
    })),
  }));
}

async function view(db: Db, inst: Loaded) {
  const contract = await versionContract(db, inst.version.id);
  return {
    id: inst.id,
    module: { ...inst.module, type: inst.module.type as (typeof MODULE_TYPES)[number] },
    version: inst.version.version,
    status: inst.status as 'enabled' | 'disabled',
    settings: visibleSettings({ installation: inst, contract }),
    permissions: grantedPermissions({ installation: inst, contract }),
    tables: tablesOf(contract),
    installedAt: inst.createdAt,
    updatedAt: inst.updatedAt,
  };
}

export async function listInstalledModules(db: Db, siteId: string) {
  const rows = await db.moduleInstallation.findMany({
    where: { siteId, ...installed },
    include: shown,
    orderBy: { createdAt: 'asc' },
  });
  return Promise.all(rows.map((inst) => view(db, inst)));
}

export async function getInstalledModule(db: Db, siteId: string, installationId: string) {
  const inst = await loadOne(db, siteId, installationId);
  if (!inst) throw notFound('Installation');
  return view(db, inst);
}
