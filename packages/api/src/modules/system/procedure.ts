// First-party business modules are installed per site. Their routers build on
// `systemModuleProcedure`, so a site that has not installed (or has disabled) the module is
// refused before any handler runs: one check, in one place.
import { forbidden } from '../../errors.ts';
import { type RoleName, siteProcedure } from '../../trpc.ts';
import { SYSTEM_MODULES, type SystemModuleKey } from './system-modules.ts';

export function systemModuleProcedure(key: SystemModuleKey, minRole: RoleName = 'member') {
  const { id: slug, name } = SYSTEM_MODULES[key];
  return siteProcedure(minRole).use(async ({ ctx, next }) => {
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
