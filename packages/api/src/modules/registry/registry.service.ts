// The module registry: modules owned by a publishing agency, their uploaded versions, and the
// review lifecycle draft → submitted → approved | rejected → published → deprecated → yanked.
import { randomInt } from 'node:crypto';
import type { Db } from '@dramac/db';
import type { PackageError } from '@dramac/manifest/package';
import { inspectPackage } from '@dramac/manifest/package';
import type { TRPCError } from '@trpc/server';
import semver from 'semver';
import type { z } from 'zod';
import { conflict, fieldError, isUniqueViolation, notFound, validationError } from '../../errors.ts';
import type { createModuleInput, versionStatus } from './registry.schemas.ts';

type Status = z.infer<typeof versionStatus>;

const SHORT_ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** 10 lowercase alphanumerics: the module's data schema is `mod_<shortId>`. */
export const newShortId = () => Array.from({ length: 10 }, () => SHORT_ID_ALPHABET[randomInt(SHORT_ID_ALPHABET.length)]).join('');

const versionsOrder = { orderBy: { createdAt: 'desc' as const } };

export async function createModule(db: Db, agencyId: string, input: z.infer<typeof createModuleInput>) {
  try {
    const { slug, name, type } = input;
    return await db.module.create({ data: { slug, name, type, shortId: newShortId(), publisherAgencyId: agencyId } });
  } catch (err) {
    // the shortId space (36^10) makes a collision there practically impossible: this is the slug
    if (isUniqueViolation(err)) throw conflict(`The module id "${input.slug}" is taken; choose another`);
    throw err;
  }
}

/** The module, if `agencyId` publishes it: another agency's module is NOT_FOUND. */
async function ownModule(db: Pick<Db, 'module'>, agencyId: string, moduleId: string) {
  const module = await db.module.findFirst({ where: { id: moduleId, publisherAgencyId: agencyId } });
  if (!module) throw notFound('Module');
  return module;
}

// installations that are not uninstalled: what "installed on N sites" counts
const publisherView = {
  versions: versionsOrder,
  _count: { select: { installations: { where: { status: { not: 'uninstalled' as const } } } } },
};

function withInstallCount<M extends { _count: { installations: number } }>({ _count, ...module }: M) {
  return { ...module, activeInstallations: _count.installations };
}

export async function listModules(db: Db, agencyId: string) {
  const modules = await db.module.findMany({
    where: { publisherAgencyId: agencyId },
    include: publisherView,
    orderBy: { slug: 'asc' },
  });
  return modules.map(withInstallCount);
}

export async function getModule(db: Db, agencyId: string, moduleId: string) {
  const module = await db.module.findFirst({ where: { id: moduleId, publisherAgencyId: agencyId }, include: publisherView });
  if (!module) throw notFound('Module');
  return withInstallCount(module);
}

export async function listVersions(db: Db, agencyId: string, moduleId: string) {
  await ownModule(db, agencyId, moduleId);
  return db.moduleVersion.findMany({ where: { moduleId }, ...versionsOrder });
}

/** One BAD_REQUEST for a refused package: every problem in the message, and each as a field error. */
function packageRefused(errors: PackageError[]): TRPCError {
  const list = errors.map((e) => (e.path === undefined ? e.message : `${e.path}: ${e.message}`)).join('; ');
  return validationError(
    `The package was refused: ${list}`,
    errors.map((e) => ({ path: e.path === undefined ? ['package'] : ['package', e.path], message: e.message })),
  );
}

export async function uploadVersion(db: Db, agencyId: string, moduleId: string, packageBase64: string) {
  const module = await ownModule(db, agencyId, moduleId);
  const tgz = Buffer.from(packageBase64, 'base64');
  const inspection = await inspectPackage(tgz);
  if (!inspection.ok) throw packageRefused(inspection.errors);
  const { manifest, contentHash } = inspection;
  if (manifest.id !== module.slug)
    throw fieldError('package.$.id', `The manifest id is "${manifest.id}"; this module's id is "${module.slug}"`);
  if (manifest.type !== module.type)
    throw fieldError('package.$.type', `The manifest type is "${manifest.type}"; this module is a ${module.type}`);

  return db.$transaction(async (tx) => {
    // versions only go up: hold the module row so two uploads cannot both pass the check below
    await tx.$queryRaw`select id from modules.modules where id = ${module.id} for update`;
    const existing = await tx.moduleVersion.findMany({ where: { moduleId: module.id }, select: { version: true } });
    const highest = existing.map((v) => v.version).sort(semver.rcompare)[0];
    if (highest !== undefined && !semver.gt(manifest.version, highest))
      throw conflict(`Version ${manifest.version} is not greater than ${highest}, this module's highest version; raise it`);
    // content-addressed: the same files are stored once, whichever upload brought them
    await tx.modulePackage.upsert({
      where: { hash: contentHash },
      create: { hash: contentHash, bytes: new Uint8Array(tgz), size: tgz.length },
      update: {},
    });
    return tx.moduleVersion.create({
      data: { moduleId: module.id, version: manifest.version, manifest, packageHash: contentHash },
    });
  });
}

/**
 * Moves a version from one of `from` to `to` with one conditional update, so that of two
 * concurrent transitions only one wins; the loser hears the status it found.
 */
async function transition(
  db: Db,
  where: { id: string; moduleId?: string },
  from: Status[],
  to: Status,
  data: { reviewNotes?: string | null; reviewedById?: string; reviewedAt?: Date } = {},
) {
  const { count } = await db.moduleVersion.updateMany({
    where: { ...where, status: { in: from } },
    data: { ...data, status: to },
  });
  const version = await db.moduleVersion.findFirst({ where });
  if (!version) throw notFound('Version');
  if (count === 0) throw conflict(`This version is ${version.status}; only a ${from.join(' or ')} version can become ${to}`);
  return version;
}

const agencyTransitions = {
  submit: { from: ['draft'], to: 'submitted' },
  publish: { from: ['approved'], to: 'published' },
  deprecate: { from: ['published'], to: 'deprecated' },
  yank: { from: ['published', 'deprecated'], to: 'yanked' },
} as const satisfies Record<string, { from: Status[]; to: Status }>;

export async function changeStatus(
  db: Db,
  agencyId: string,
  ref: { moduleId: string; versionId: string },
  action: keyof typeof agencyTransitions,
) {
  await ownModule(db, agencyId, ref.moduleId);
  const { from, to } = agencyTransitions[action];
  return transition(db, { id: ref.versionId, moduleId: ref.moduleId }, [...from], to);
}

export function reviewVersion(db: Db, reviewerId: string, input: { versionId: string; approve: boolean; notes?: string }) {
  return transition(db, { id: input.versionId }, ['submitted'], input.approve ? 'approved' : 'rejected', {
    reviewNotes: input.notes ?? null,
    reviewedById: reviewerId,
    reviewedAt: new Date(),
  });
}

/** Published modules, each with its highest published version: what the marketplace lists. */
export async function catalog(db: Db) {
  const modules = await db.module.findMany({
    where: { versions: { some: { status: 'published' } } },
    include: { versions: { where: { status: 'published' } } },
    orderBy: { name: 'asc' },
  });
  return modules.map(({ versions, ...module }) => ({
    ...module,
    latest: versions.sort((a, b) => semver.rcompare(a.version, b.version))[0]!,
  }));
}
