// Dropping an uninstalled module's data: at once when the admin confirms it, or by the worker's
// scheduled `modules.purge` job once the retention period has passed.
import type { Prisma } from '@dramac/db';
import type { DataSpec, Manifest } from '@dramac/manifest';
import pg, { escapeIdentifier } from 'pg';
import type { Services } from '../../context.ts';
import { moduleSchemaName } from '../data/module-schema.ts';
import { dropModuleData } from '../data/provision.ts';

type Deps = Pick<Services, 'db' | 'databaseUrl'>;
type Purgeable = Prisma.ModuleInstallationGetPayload<{ include: { module: true; version: true } }>;

export async function withPg<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const tablesOf = (version: { manifest: unknown }): DataSpec['tables'] => (version.manifest as Manifest).data?.tables ?? [];

/** Drops the installation's site's rows; the whole schema once no other site keeps data in it. */
export async function purgeInstallationData(deps: Deps, inst: Purgeable): Promise<void> {
  const others = await deps.db.moduleInstallation.count({
    where: {
      moduleId: inst.moduleId,
      id: { not: inst.id },
      OR: [{ status: { not: 'uninstalled' } }, { purgeAfter: { not: null } }],
    },
  });
  const tables = tablesOf(inst.version);
  await withPg(deps.databaseUrl, async (c) => {
    if (others === 0) return dropModuleData(c, inst.module.shortId);
    const schema = escapeIdentifier(moduleSchemaName(inst.module.shortId));
    for (const t of tables) {
      // the table may not exist yet when this site ran an older version than others
      await c.query(`delete from ${schema}.${escapeIdentifier(t.name)} where site_id = $1`, [inst.siteId]).catch((err) => {
        if ((err as { code?: string }).code !== '42P01') throw err;
      });
    }
  });
}

/**
 * The scheduled job: purges every installation whose retention ended before `now`, one
 * transaction each (the claim and the drop commit together, so a failed drop is retried on the
 * next run). An installation restored meanwhile is left alone. Returns how many were purged.
 */
export async function purgeExpiredInstallations(deps: Deps, now = new Date()): Promise<number> {
  const due = await deps.db.moduleInstallation.findMany({
    where: { status: 'uninstalled', purgeAfter: { lte: now } },
    include: { module: true, version: true },
    orderBy: { purgeAfter: 'asc' },
    take: 500,
  });
  let purged = 0;
  for (const inst of due) {
    await deps.db.$transaction(async (tx) => {
      const { count } = await tx.moduleInstallation.updateMany({
        where: { id: inst.id, status: 'uninstalled', purgeAfter: { lte: now } },
        data: { purgeAfter: null },
      });
      if (count === 0) return;
      await purgeInstallationData(deps, inst);
      purged += 1;
    });
  }
  return purged;
}
