// First-party business modules are installed per site. Their routers build on
// `systemModuleProcedure`, so a site that has not installed (or has disabled) the module is
// refused before any handler runs, whoever calls: a member in the dashboard or a bearer token.
// One check, in one place.
import type { Manifest } from '@dramac/manifest';
import { forbidden } from '../../errors.ts';
import { type RoleName, siteAccessProcedure } from '../../trpc.ts';
import { SYSTEM_MODULES, type SystemModuleKey } from './system-modules.ts';

/** `module`: a key of SYSTEM_MODULES, or the manifest a domain's definition declares. */
export function systemModuleProcedure(module: SystemModuleKey | Manifest, minRole: RoleName = 'member') {
  const { id: slug, name } = typeof module === 'string' ? SYSTEM_MODULES[module] : module;
  return siteAccessProcedure(minRole).use(async ({ ctx, next }) => {
    const installation = await ctx.db.moduleInstallation.findFirst({
      where: { siteId: ctx.site.id, module: { slug } },
      select: { id: true, status: true },
    });
    if (!installation || installation.status === 'uninstalled') {
      throw forbidden(`${name} is not installed on this site. Install it from the site's Modules page first.`);
    }
    if (installation.status === 'disabled') {
      throw forbidden(`${name} is disabled on this site. Enable it from the site's Modules page first.`);
    }
    return next({ ctx: { ...ctx, installationId: installation.id } });
  });
}
