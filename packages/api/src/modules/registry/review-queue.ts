// What platform reviewers read: the submitted versions of every agency, oldest first, and for one
// version its manifest and the permissions it asks beyond the module's live version, which are
// what sites would be asked to grant anew.
import type { Db } from '@dramac/db';
import type { Manifest } from '@dramac/manifest';
import semver from 'semver';
import { notFound } from '../../errors.ts';

/** Versions sites run or can install: the baseline a new version is compared with. */
const LIVE = ['published', 'deprecated'] as const;

const permissionsOf = (version: { manifest: unknown }): string[] => (version.manifest as Manifest).permissions ?? [];

/** The highest live version below `version`, if any. */
function previousLive<V extends { version: string }>(live: V[], version: string): V | null {
  return live.filter((v) => semver.lt(v.version, version)).sort((a, b) => semver.rcompare(a.version, b.version))[0] ?? null;
}

function permissionChanges(current: string[], previous: string[] | null) {
  if (previous === null) return { added: current, removed: [] };
  return { added: current.filter((p) => !previous.includes(p)), removed: previous.filter((p) => !current.includes(p)) };
}

const withModule = {
  module: {
    select: { id: true, slug: true, name: true, type: true, publisherAgency: { select: { id: true, name: true } } },
  },
} as const;

/** A submitted version's status changes only by review, so its last update is when it was submitted. */
const submittedAt = (v: { status: string; updatedAt: Date }) => (v.status === 'submitted' ? v.updatedAt : null);

export async function reviewQueue(db: Db) {
  const submitted = await db.moduleVersion.findMany({
    where: { status: 'submitted' },
    include: withModule,
    orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
  });
  const live = await db.moduleVersion.findMany({
    where: { moduleId: { in: [...new Set(submitted.map((v) => v.moduleId))] }, status: { in: [...LIVE] } },
    select: { moduleId: true, version: true, manifest: true },
  });
  return submitted.map((v) => {
    const { publisherAgency, ...module } = v.module;
    const previous = previousLive(
      live.filter((l) => l.moduleId === v.moduleId),
      v.version,
    );
    const permissions = permissionsOf(v);
    return {
      versionId: v.id,
      version: v.version,
      submittedAt: v.updatedAt,
      module,
      publisher: publisherAgency,
      permissions,
      previousVersion: previous?.version ?? null,
      addedPermissions: permissionChanges(permissions, previous && permissionsOf(previous)).added,
    };
  });
}

export async function reviewDetail(db: Db, versionId: string) {
  const found = await db.moduleVersion.findUnique({
    where: { id: versionId },
    include: { ...withModule, reviewedBy: { select: { name: true, email: true } } },
  });
  if (!found) throw notFound('Version');
  const { module: withPublisher, reviewedBy, ...version } = found;
  const { publisherAgency, ...module } = withPublisher;
  const live = await db.moduleVersion.findMany({
    where: { moduleId: module.id, status: { in: [...LIVE] } },
    select: { id: true, version: true, status: true, manifest: true },
  });
  const previous = previousLive(live, version.version);
  const previousPermissions = previous && permissionsOf(previous);
  return {
    version,
    submittedAt: submittedAt(version),
    module,
    publisher: publisherAgency,
    reviewedBy,
    previous: previous && {
      id: previous.id,
      version: previous.version,
      status: previous.status,
      permissions: previousPermissions!,
    },
    permissionChanges: permissionChanges(permissionsOf(version), previousPermissions),
  };
}

/** Whether the caller reviews modules (the dashboard shows them the queue), and how many wait. */
export async function reviewerStatus(db: Db, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { isPlatformAdmin: true } });
  if (!user?.isPlatformAdmin) return { reviewer: false, waiting: 0 };
  return { reviewer: true, waiting: await db.moduleVersion.count({ where: { status: 'submitted' } }) };
}
