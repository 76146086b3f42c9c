// What the embed endpoints need to know about an installation: its site, whether it runs, and
// what its installed version says about embedding (the widget entry point and its heights).
import type { Db } from '@dramac/db';
import type { Manifest } from '@dramac/manifest';

export interface EmbeddableInstallation {
  id: string;
  siteId: string;
  status: 'enabled' | 'disabled';
  moduleId: string;
  moduleName: string;
  /** null for system modules, which have no package to render */
  packageHash: string | null;
  embedAllowed: boolean;
  widget: { path: string; defaultHeight?: number } | null;
  minHeight?: number;
  maxHeight?: number;
}

/** The installation `id` names, or null when there is none (or it was uninstalled): 404 either way. */
export async function findEmbeddable(db: Db, id: string): Promise<EmbeddableInstallation | null> {
  // ids are cuids: anything longer is no installation, and never reaches the database
  if (id.length === 0 || id.length > 64) return null;
  const inst = await db.moduleInstallation.findUnique({
    where: { id },
    select: {
      id: true,
      siteId: true,
      status: true,
      moduleId: true,
      module: { select: { name: true } },
      version: { select: { packageHash: true, manifest: true } },
    },
  });
  if (!inst || inst.status === 'uninstalled') return null;
  // stored after the manifest schema accepted it; fields added since may be absent
  const manifest = inst.version.manifest as Partial<Manifest>;
  return {
    id: inst.id,
    siteId: inst.siteId,
    status: inst.status,
    moduleId: inst.moduleId,
    moduleName: inst.module.name,
    packageHash: inst.version.packageHash,
    embedAllowed: manifest.embed?.allowed === true,
    widget: manifest.entryPoints?.widget ?? null,
    minHeight: manifest.embed?.minHeight,
    maxHeight: manifest.embed?.maxHeight,
  };
}

/** The site whose verified domain `origin` is on: the site of a preflight, which names no installation. */
export async function siteVerifyingOrigin(db: Db, origin: string): Promise<string | null> {
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return null;
  }
  const domain = await db.siteDomain.findFirst({ where: { hostname: host, status: 'verified' }, select: { siteId: true } });
  return domain?.siteId ?? null;
}
