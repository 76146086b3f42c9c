// Who is calling the gateway, and for which installation. Three ways in, each scoped to exactly one
// installation (site + module) that must be enabled:
// - a dashboard session (the next-auth cookie) naming the site in X-Dramac-Site, from a member of
//   the site's agency, with X-Dramac-Request: 1 (a custom header no other site can send without
//   our CORS consent, which the gateway never gives to cookies);
// - an embed token (Authorization: Bearer) sent from the exact origin it was issued for;
// - on the REST API (/api/v1), an API token or OAuth access token of the site, naming the
//   installation by id; tokenProcedure has checked the token's site and scope.
import { type Db, Prisma, type Site } from '@dramac/db';
import { TRPCError } from '@trpc/server';
import type { Services } from '../../context.ts';
import { badRequest, forbidden, notFound } from '../../errors.ts';
import { sessionUser } from '../../http/session.ts';
import { siteMembership } from '../../platform/access.ts';
import { type VersionContract, versionContract } from './contract.ts';
import { verifyEmbedToken } from './embed-token.ts';

type GatewayRole = 'owner' | 'admin' | 'member' | 'visitor' | 'integration';

export interface GatewayCaller {
  role: GatewayRole;
  site: Site;
  installation: { id: string; status: string; settings: unknown; grantedPermissions: string[] };
  module: { id: string; slug: string; name: string; shortId: string };
  version: { id: string; version: string };
  contract: VersionContract;
}

type LoadedInstallation = {
  id: string;
  moduleId: string;
  status: string;
  settings: unknown;
  grantedPermissions: string[];
  module: GatewayCaller['module'];
  version: GatewayCaller['version'];
  site: Site;
};

type InstallationRow = Site & {
  inst_id: string;
  inst_module_id: string;
  inst_status: string;
  inst_settings: unknown;
  inst_permissions: string[];
  mod_slug: string;
  mod_name: string;
  mod_short_id: string;
  ver_id: string;
  ver_version: string;
};

/** An installation with its module, installed version and site: one query on every gateway call. */
async function loadInstallation(db: Db, where: Prisma.Sql): Promise<LoadedInstallation | null> {
  const rows = await db.$queryRaw<InstallationRow[]>`
    select s.*, i.id as inst_id, i."moduleId" as inst_module_id, i.status::text as inst_status,
           i.settings as inst_settings, i."grantedPermissions" as inst_permissions,
           m.slug as mod_slug, m.name as mod_name, m."shortId" as mod_short_id, v.id as ver_id, v.version as ver_version
      from modules.module_installations i
      join modules.modules m on m.id = i."moduleId"
      join modules.module_versions v on v.id = i."versionId"
      join platform.sites s on s.id = i."siteId"
     where ${where}`;
  const row = rows[0];
  if (!row) return null;
  const {
    inst_id,
    inst_module_id,
    inst_status,
    inst_settings,
    inst_permissions,
    mod_slug,
    mod_name,
    mod_short_id,
    ver_id,
    ver_version,
    ...site
  } = row;
  return {
    id: inst_id,
    moduleId: inst_module_id,
    status: inst_status,
    settings: inst_settings,
    grantedPermissions: inst_permissions,
    module: { id: inst_module_id, slug: mod_slug, name: mod_name, shortId: mod_short_id },
    version: { id: ver_id, version: ver_version },
    site,
  };
}

/** The bearer token, if the request sends one. */
export function bearerToken(req: Request): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.get('authorization') ?? '');
  return match?.[1] ?? null;
}

function usable<T extends LoadedInstallation>(inst: T | null): T {
  if (!inst || inst.status === 'uninstalled') {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'This module is not installed on the site' });
  }
  if (inst.status !== 'enabled') throw forbidden('This module is disabled on the site; an admin can enable it again');
  return inst;
}

async function fromEmbedToken(req: Request, services: Services, moduleId: string, token: string) {
  const claims = await verifyEmbedToken(token);
  const origin = req.headers.get('origin');
  if (origin !== claims.origin) {
    throw forbidden(
      `This embed token is for pages on ${claims.origin}; this request ${origin ? `comes from ${origin}` : 'names no Origin'}`,
    );
  }
  const inst = await loadInstallation(services.db, Prisma.sql`i.id = ${claims.installationId}`);
  // the site (and its installations) was deleted since the token was issued
  if (!inst) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'This embed token is not valid any more' });
  if (inst.moduleId !== moduleId) throw forbidden('This embed token is for another module');
  return { inst: usable(inst), site: inst.site, role: 'visitor' as const };
}

async function fromSession(req: Request, services: Services, moduleId: string) {
  const user = await sessionUser(req, services.db);
  if (!user) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in, or send an embed token as "Authorization: Bearer <token>"' });
  }
  if (req.headers.get('x-dramac-request') !== '1') {
    throw forbidden('Send "X-Dramac-Request: 1" with dashboard calls; it shows the call comes from the dashboard itself');
  }
  const siteId = req.headers.get('x-dramac-site')?.trim();
  if (!siteId) throw badRequest('Name the site in the "X-Dramac-Site" header');
  if (siteId.length > 64) throw notFound('Site');
  // the installation is read alongside the membership check, and used only once that passed
  const [{ membership, site }, inst] = await Promise.all([
    siteMembership(services.db, user.id, siteId),
    loadInstallation(services.db, Prisma.sql`i."siteId" = ${siteId} and i."moduleId" = ${moduleId}`),
  ]);
  return { inst: usable(inst), site, role: membership.role };
}

/** The caller of a gateway request for `moduleId`, or the error that refuses it. */
export async function authorise(req: Request, services: Services, moduleId: string): Promise<GatewayCaller> {
  const token = bearerToken(req);
  const { inst, site, role } = token
    ? await fromEmbedToken(req, services, moduleId, token)
    : await fromSession(req, services, moduleId);
  return callerOf(services.db, inst, site, role);
}

/** A REST caller acting for `siteId` on its installation `installationId`; another site's is not found. */
export async function integrationCaller(db: Db, siteId: string, installationId: string): Promise<GatewayCaller> {
  const inst = await loadInstallation(db, Prisma.sql`i.id = ${installationId} and i."siteId" = ${siteId}`);
  const found = usable(inst);
  return callerOf(db, found, found.site, 'integration');
}

async function callerOf(db: Db, inst: LoadedInstallation, site: Site, role: GatewayRole): Promise<GatewayCaller> {
  const contract = await versionContract(db, inst.version.id);
  if (role === 'visitor' && !contract.embedAllowed) {
    throw forbidden('This version of the module does not allow embedding');
  }
  return {
    role,
    site,
    installation: { id: inst.id, status: inst.status, settings: inst.settings, grantedPermissions: inst.grantedPermissions },
    module: inst.module,
    version: inst.version,
    contract,
  };
}
