// What a module learns about where it runs: its installation, the site, its settings (never the
// secret ones) and who is looking at it.
import type { GatewayCaller } from './caller.ts';
import type { VersionContract } from './contract.ts';

// an installation with its version's contract: a gateway caller, or an installation the REST API shows
type WithSettings = { installation: { settings: unknown }; contract: Pick<VersionContract, 'settings'> };
type WithPermissions = { installation: { grantedPermissions: string[] }; contract: Pick<VersionContract, 'permissions'> };

/** Non-secret settings as saved, with each field's default where nothing was saved. */
export function visibleSettings({ installation, contract }: WithSettings): Record<string, unknown> {
  const saved = (installation.settings ?? {}) as Record<string, unknown>;
  const shown: Record<string, unknown> = {};
  for (const field of contract.settings) {
    if (field.type === 'secret') continue;
    const value = (Object.hasOwn(saved, field.key) ? saved[field.key] : undefined) ?? field.default;
    if (value !== undefined) shown[field.key] = value;
  }
  return shown;
}

/** The permissions the site granted that the installed version asks for. */
export const grantedPermissions = ({ installation, contract }: WithPermissions) =>
  contract.permissions.filter((p) => installation.grantedPermissions.includes(p));

export function moduleContext(caller: GatewayCaller) {
  const { site } = caller;
  return {
    installation: { id: caller.installation.id, status: caller.installation.status, version: caller.version.version },
    module: { id: caller.module.id, slug: caller.module.slug, name: caller.module.name },
    site: { id: site.id, name: site.name, locale: site.locale, timeZone: site.timeZone, currency: site.currency },
    settings: visibleSettings(caller),
    user: { role: caller.role },
    permissions: grantedPermissions(caller),
  };
}
