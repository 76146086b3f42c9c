// Modules on a site: install with consent to the requested permissions, configure against the
// manifest's settings, enable/disable, upgrade, roll back and uninstall. Every change is a
// conditional update (a concurrent change answers CONFLICT) with its event in the same
// transaction; the module's own schema is changed on a short-lived `pg` connection inside that
// transaction's callback, so a failed DDL step rolls the row back too.
import type { Db, Prisma, Site, Tx } from '@dramac/db';
import { type DataSpec, type Manifest, type SettingField, settings as settingsSchema } from '@dramac/manifest';
import type pg from 'pg';
import semver from 'semver';
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { conflict, fieldError, notFound, validationError } from '../../errors.ts';
import { encryptSecret } from '../../lib/encryption.ts';
import { emitEvent } from '../../webhooks/emit.ts';
import { moduleSchemaName } from '../data/module-schema.ts';
import { dropModuleData, provisionModuleData } from '../data/provision.ts';
import { upgradeModuleData } from '../data/upgrade.ts';
import type { configureInput, installInput } from './installations.schemas.ts';
import { purgeInstallationData, withPg } from './purge.ts';

/** How long an uninstalled module's data is kept before the purge job drops it. */
export const RETENTION_DAYS = 30;

type Ctx = Pick<Services, 'db' | 'boss' | 'databaseUrl'> & { site: Site; user: { id: string } };
type Event =
  | 'module.installed'
  | 'module.configured'
  | 'module.enabled'
  | 'module.disabled'
  | 'module.upgraded'
  | 'module.rolled_back'
  | 'module.uninstalled';

// what installationView shows: the installed version, the one a rollback returns to, who installed it
const withVersion = {
  module: true,
  version: true,
  previousVersion: { select: { version: true } },
  installedBy: { select: { name: true, email: true } },
} as const;
type Installation = Prisma.ModuleInstallationGetPayload<{ include: typeof withVersion }>;

const manifestOf = (version: { manifest: unknown }) => version.manifest as Manifest;
const tablesOf = (version: { manifest: unknown }): DataSpec | null => {
  const data = manifestOf(version).data;
  return data && data.tables.length > 0 ? data : null;
};
const fieldsOf = (version: { manifest: unknown }): SettingField[] => settingsSchema.parse(manifestOf(version).settings ?? []);

async function schemaExists(client: pg.Client, shortId: string) {
  const r = await client.query('select 1 from information_schema.schemata where schema_name = $1', [moduleSchemaName(shortId)]);
  return (r.rowCount ?? 0) > 0;
}

/**
 * Brings the module's schema up to `target`'s tables. One schema serves every site that installed
 * the module, each possibly on another version, so it follows the newest version whose data is
 * still held (installed, or uninstalled but retained); an older target needs no change, since
 * upgrades only add unless a manifest declared otherwise. Returns whether it created the schema.
 */
async function ensureSchemaFor(
  ctx: Ctx,
  module: { id: string; shortId: string },
  target: { version: string; manifest: unknown },
) {
  const to = tablesOf(target);
  if (!to) return false;
  const holders = await ctx.db.moduleInstallation.findMany({
    where: { moduleId: module.id, OR: [{ status: { not: 'uninstalled' } }, { purgeAfter: { not: null } }] },
    select: { version: { select: { version: true, manifest: true } } },
  });
  const newest = holders.map((h) => h.version).sort((a, b) => semver.rcompare(a.version, b.version))[0];
  return withPg(ctx.databaseUrl, async (c) => {
    if (!(await schemaExists(c, module.shortId))) {
      await provisionModuleData(c, { shortId: module.shortId, data: to });
      return true;
    }
    if (!newest || semver.gt(target.version, newest.version)) {
      const current = (newest && tablesOf(newest)) ?? { tables: [], destructiveChanges: [] };
      await upgradeModuleData(c, { shortId: module.shortId, current, next: to });
    }
    return false;
  });
}

/** What the dashboard sees: secret values never leave the server, only whether they are set. */
export function installationView(inst: Installation) {
  const secrets = inst.secretSettings as Record<string, string>;
  const shown: Record<string, string | number | boolean | { set: boolean }> = {
    ...(inst.settings as Record<string, string | number | boolean>),
  };
  for (const field of fieldsOf(inst.version))
    if (field.type === 'secret') shown[field.key] = { set: Object.hasOwn(secrets, field.key) };
  return {
    id: inst.id,
    siteId: inst.siteId,
    moduleId: inst.moduleId,
    module: { slug: inst.module.slug, name: inst.module.name, type: inst.module.type },
    versionId: inst.versionId,
    version: inst.version.version,
    packageHash: inst.version.packageHash,
    manifest: manifestOf(inst.version),
    previousVersionId: inst.previousVersionId,
    previousVersion: inst.previousVersion?.version ?? null,
    status: inst.status,
    settings: shown,
    grantedPermissions: inst.grantedPermissions,
    installedBy: inst.installedBy,
    uninstalledAt: inst.uninstalledAt,
    purgeAfter: inst.purgeAfter,
    createdAt: inst.createdAt,
    updatedAt: inst.updatedAt,
  };
}

async function emit(tx: Tx, ctx: Ctx, type: Event, inst: { moduleId: string }, module: { slug: string }, version: string) {
  await emitEvent(tx, ctx.boss, {
    type,
    agencyId: ctx.site.agencyId,
    siteId: ctx.site.id,
    data: { module: { id: inst.moduleId, slug: module.slug, version }, siteId: ctx.site.id },
  });
}

/**
 * A version a site may be given: another agency's unpublished versions do not exist for it;
 * the site's own agency's unpublished ones exist but cannot be installed yet.
 */
async function installableVersion(db: Db, ctx: Ctx, moduleId: string, versionId: string) {
  const version = await db.moduleVersion.findFirst({ where: { id: versionId, moduleId }, include: { module: true } });
  if (!version || (version.status !== 'published' && version.module.publisherAgencyId !== ctx.site.agencyId)) {
    throw notFound('Version');
  }
  if (version.status !== 'published') {
    throw conflict(`Version ${version.version} is ${version.status}; only published versions can be installed`);
  }
  return version;
}

async function latestPublished(db: Db, moduleId: string) {
  const published = await db.moduleVersion.findMany({ where: { moduleId, status: 'published' }, include: { module: true } });
  if (published.length === 0) throw notFound('Module');
  return published.sort((a, b) => semver.rcompare(a.version, b.version))[0]!;
}

/** The version's permissions, if the consent screen's answer is exactly them; sorted. */
function consented(version: { manifest: unknown }, accepted: string[]): string[] {
  const requested = [...new Set(manifestOf(version).permissions)].sort();
  if (requested.join('\n') !== [...new Set(accepted)].sort().join('\n')) {
    throw fieldError(
      'acceptPermissions',
      `Accept exactly the permissions this version requests: ${requested.join(', ') || '(none)'}`,
    );
  }
  return requested;
}

export async function installModule(ctx: Ctx, input: z.infer<typeof installInput>) {
  const version = input.versionId
    ? await installableVersion(ctx.db, ctx, input.moduleId, input.versionId)
    : await latestPublished(ctx.db, input.moduleId);
  const requested = consented(version, input.acceptPermissions);
  const existing = await ctx.db.moduleInstallation.findUnique({
    where: { siteId_moduleId: { siteId: ctx.site.id, moduleId: version.moduleId } },
  });
  if (existing && existing.status !== 'uninstalled') throw conflict('This module is already installed on the site');
  const defaults = Object.fromEntries(
    fieldsOf(version).flatMap((f) => (f.type !== 'secret' && f.default !== undefined ? [[f.key, f.default]] : [])),
  );
  let provisioned = false;
  try {
    const inst = await ctx.db.$transaction(async (tx) => {
      const fresh = {
        versionId: version.id,
        previousVersionId: null,
        status: 'enabled' as const,
        settings: defaults,
        secretSettings: {},
        grantedPermissions: requested,
        installedById: ctx.user.id,
        uninstalledAt: null,
        purgeAfter: null,
      };
      // installed again (after a purge, or within the retention period, which restores the kept
      // data): the same row starts over, if nobody got there first
      if (existing) {
        const { count } = await tx.moduleInstallation.updateMany({
          where: { id: existing.id, updatedAt: existing.updatedAt },
          data: fresh,
        });
        if (count === 0) throw conflict('The module was installed meanwhile; reload the page');
      }
      const created = existing
        ? await tx.moduleInstallation.findUniqueOrThrow({ where: { id: existing.id }, include: withVersion })
        : await tx.moduleInstallation.create({
            data: { ...fresh, siteId: ctx.site.id, moduleId: version.moduleId },
            include: withVersion,
          });
      await emit(tx, ctx, 'module.installed', created, version.module, version.version);
      // one schema per module, shared by the sites that install it (rows carry their site)
      provisioned = await ensureSchemaFor(ctx, version.module, version);
      return created;
    });
    return installationView(inst);
  } catch (err) {
    // the row did not commit: neither may the module's schema
    if (provisioned) await withPg(ctx.databaseUrl, (c) => dropModuleData(c, version.module.shortId));
    if ((err as { code?: string }).code === 'P2002') throw conflict('This module is already installed on the site');
    throw err;
  }
}

async function loadInstallation(ctx: Ctx, installationId: string) {
  const inst = await ctx.db.moduleInstallation.findFirst({
    where: { id: installationId, siteId: ctx.site.id },
    include: withVersion,
  });
  if (!inst) throw notFound('Installation');
  return inst;
}

function activeInstallation(inst: Installation) {
  if (inst.status === 'uninstalled') throw conflict('This module is uninstalled; install it again first');
  return inst;
}

export const getInstallation = async (ctx: Ctx, installationId: string) =>
  installationView(await loadInstallation(ctx, installationId));

export async function listInstallations(ctx: Ctx) {
  const rows = await ctx.db.moduleInstallation.findMany({
    where: { siteId: ctx.site.id },
    include: withVersion,
    orderBy: { createdAt: 'asc' },
  });
  return rows.map(installationView);
}

/**
 * Applies `data` only if the installation is still as loaded; the change and its event commit
 * together. `after` runs inside the transaction, so its failure undoes the change.
 */
async function change(
  ctx: Ctx,
  inst: Installation,
  data: Prisma.ModuleInstallationUncheckedUpdateManyInput,
  event: Event,
  after?: () => Promise<void>,
) {
  const updated = await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.moduleInstallation.updateMany({ where: { id: inst.id, updatedAt: inst.updatedAt }, data });
    if (count === 0) throw conflict('The installation changed while you were editing it; reload and try again');
    const row = await tx.moduleInstallation.findUniqueOrThrow({ where: { id: inst.id }, include: withVersion });
    await emit(tx, ctx, event, row, row.module, row.version.version);
    await after?.();
    return row;
  });
  return installationView(updated);
}

/** The zod schema for one setting's value, from its manifest field. */
function valueSchema(field: SettingField): z.ZodType {
  switch (field.type) {
    case 'text':
    case 'textarea':
      return z.string().max(field.maxLength ?? (field.type === 'text' ? 1_000 : 20_000));
    case 'number': {
      let n = z.number();
      if (field.min !== undefined) n = n.min(field.min);
      if (field.max !== undefined) n = n.max(field.max);
      return n;
    }
    case 'boolean':
      return z.boolean();
    case 'select':
      return z.enum(field.options.map((o) => o.value) as [string, ...string[]]);
    case 'color':
      return z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a hex colour like #1a2b3c');
    case 'url':
      return z.url({ protocol: /^https?$/ });
    case 'email':
      return z.email();
    case 'secret':
      return z.string().min(1).max(2_000);
  }
}

/**
 * Saves the settings form. Non-secret fields left out fall back to their default; a secret left
 * out keeps its stored value. Every problem is reported at `settings.<key>`.
 */
export async function configureInstallation(ctx: Ctx, input: z.infer<typeof configureInput>) {
  const inst = activeInstallation(await loadInstallation(ctx, input.installationId));
  const fields = fieldsOf(inst.version);
  const secrets = { ...(inst.secretSettings as Record<string, string>) };
  const values: Record<string, unknown> = {};
  const issues: { path: PropertyKey[]; message: string }[] = [];
  const problem = (key: string, message: string) => issues.push({ path: ['settings', key], message });

  for (const key of Object.keys(input.settings)) {
    if (!fields.some((f) => f.key === key)) problem(key, `"${key}" is not a setting of this module`);
  }
  for (const field of fields) {
    // own keys only: a field named like an Object member (`constructor`) is not "given" by every object
    const given = Object.hasOwn(input.settings, field.key) ? input.settings[field.key] : undefined;
    if (given === undefined || given === null) {
      const hasValue = field.type === 'secret' ? Object.hasOwn(secrets, field.key) : field.default !== undefined;
      if (field.type !== 'secret' && field.default !== undefined) values[field.key] = field.default;
      if (field.required && !hasValue) problem(field.key, `${field.label} is required`);
      continue;
    }
    const parsed = valueSchema(field).safeParse(given);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        issues.push({ path: ['settings', field.key, ...issue.path], message: issue.message });
    } else if (field.type === 'secret') secrets[field.key] = encryptSecret(parsed.data as string);
    else values[field.key] = parsed.data;
  }
  if (issues.length > 0) {
    throw validationError('Some settings are not valid', issues);
  }
  return change(ctx, inst, { settings: values as Prisma.InputJsonObject, secretSettings: secrets }, 'module.configured');
}

export async function setInstallationEnabled(ctx: Ctx, installationId: string, enabled: boolean) {
  const inst = activeInstallation(await loadInstallation(ctx, installationId));
  const status = enabled ? 'enabled' : 'disabled';
  if (inst.status === status) return installationView(inst);
  return change(ctx, inst, { status }, enabled ? 'module.enabled' : 'module.disabled');
}

/**
 * Upgrades to a newer published version. A version asking for permissions the site has not
 * granted needs `acceptPermissions` (all of its permissions, as on the install consent screen);
 * the grant then covers both versions, so a rollback keeps working.
 */
export async function upgradeInstallation(ctx: Ctx, installationId: string, versionId: string, acceptPermissions?: string[]) {
  const inst = activeInstallation(await loadInstallation(ctx, installationId));
  const next = await installableVersion(ctx.db, ctx, inst.moduleId, versionId);
  if (!semver.gt(next.version, inst.version.version)) {
    throw fieldError('versionId', `Choose a version newer than the installed ${inst.version.version}`);
  }
  const requested = acceptPermissions ? consented(next, acceptPermissions) : manifestOf(next).permissions;
  const added = requested.filter((p) => !inst.grantedPermissions.includes(p));
  if (added.length > 0 && !acceptPermissions) {
    throw conflict(`Version ${next.version} asks for new permissions (${added.join(', ')}); accept them to upgrade`);
  }
  const grantedPermissions = [...new Set([...inst.grantedPermissions, ...requested])].sort();
  const data = { versionId: next.id, previousVersionId: inst.versionId, grantedPermissions };
  return change(ctx, inst, data, 'module.upgraded', async () => {
    await ensureSchemaFor(ctx, inst.module, next);
  });
}

/** Back to the version before the last upgrade. The data stays as it is: upgrades only add. */
export async function rollbackInstallation(ctx: Ctx, installationId: string) {
  const inst = activeInstallation(await loadInstallation(ctx, installationId));
  if (!inst.previousVersionId) throw conflict('There is no previous version to roll back to');
  return change(ctx, inst, { versionId: inst.previousVersionId, previousVersionId: null }, 'module.rolled_back');
}

/** Uninstalls, keeping the data for RETENTION_DAYS; `purgeNow` drops it at once. */
export async function uninstallInstallation(ctx: Ctx, installationId: string, purgeNow: boolean) {
  const inst = activeInstallation(await loadInstallation(ctx, installationId));
  const now = new Date();
  const purgeAfter = purgeNow ? null : new Date(now.getTime() + RETENTION_DAYS * 24 * 60 * 60 * 1000);
  const drop = purgeNow ? () => purgeInstallationData(ctx, inst) : undefined;
  return change(ctx, inst, { status: 'uninstalled', uninstalledAt: now, purgeAfter }, 'module.uninstalled', drop);
}

/** Drops the data an uninstalled module left behind, before its retention period ends. */
export async function purgeRetainedData(ctx: Ctx, installationId: string) {
  const inst = await loadInstallation(ctx, installationId);
  if (inst.status !== 'uninstalled') throw conflict('Uninstall the module before deleting its data');
  if (!inst.purgeAfter) throw conflict("This module's data has already been deleted");
  const purged = await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.moduleInstallation.updateMany({
      where: { id: inst.id, updatedAt: inst.updatedAt },
      data: { purgeAfter: null },
    });
    if (count === 0) throw conflict('The installation changed meanwhile; reload and try again');
    await purgeInstallationData(ctx, inst);
    return tx.moduleInstallation.findUniqueOrThrow({ where: { id: inst.id }, include: withVersion });
  });
  return installationView(purged);
}

/**
 * Published versions newer than the installed one, newest first: for each, the changelog entries
 * since the installed version and the permissions it would add. None for an uninstalled module.
 */
export async function availableUpgrades(ctx: Ctx, installationId: string) {
  const inst = await loadInstallation(ctx, installationId);
  if (inst.status === 'uninstalled') return [];
  const installed = inst.version.version;
  const published = await ctx.db.moduleVersion.findMany({ where: { moduleId: inst.moduleId, status: 'published' } });
  return published
    .filter((v) => semver.gt(v.version, installed))
    .sort((a, b) => semver.rcompare(a.version, b.version))
    .map((v) => {
      const manifest = manifestOf(v);
      return {
        id: v.id,
        version: v.version,
        releasedAt: v.updatedAt,
        changelog: manifest.changelog
          .filter((c) => semver.gt(c.version, installed) && semver.lte(c.version, v.version))
          .sort((a, b) => semver.rcompare(a.version, b.version)),
        permissions: manifest.permissions,
        newPermissions: manifest.permissions.filter((p) => !inst.grantedPermissions.includes(p)),
      };
    });
}
