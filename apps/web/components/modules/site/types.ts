import type { Manifest, SettingField } from '@dramac/manifest';
import type { RouterOutputs } from '@/lib/trpc';

export type Installation = RouterOutputs['installations']['get'];
export type CatalogEntry = RouterOutputs['modules']['catalog'][number];
export type AvailableUpgrade = RouterOutputs['installations']['available'][number];

/** How long an uninstall keeps the module's data (RETENTION_DAYS in installations.service.ts). */
export const RETENTION_DAYS = 30;

/** The site pages of one installation and of the catalogue, from the site's own path. */
export const modulesPath = (agencyId: string, siteId: string) => `/a/${agencyId}/sites/${siteId}/modules`;

/** A catalogue entry's manifest: stored after the manifest schema accepted it at upload. */
export const manifestOf = (entry: CatalogEntry) => entry.latest.manifest as Manifest;

/** Required settings without a value yet: the module is not set up until they are filled in. */
export function missingSettings(inst: Pick<Installation, 'manifest' | 'settings'>): SettingField[] {
  return inst.manifest.settings.filter((field) => {
    if (!field.required) return false;
    const value = inst.settings[field.key];
    if (field.type === 'secret') return !(typeof value === 'object' && value.set);
    return value === undefined || value === '';
  });
}

/** What the module shows in the dashboard: its page if it has one, otherwise its widget. */
export function dashboardEntry(manifest: Manifest) {
  const { dashboardPage, widget } = manifest.entryPoints;
  if (dashboardPage) return { entry: 'dashboardPage' as const, path: dashboardPage.path, title: dashboardPage.title };
  if (widget) return { entry: 'widget' as const, path: widget.path, title: 'Widget preview', height: widget.defaultHeight };
  return null;
}

/** Network hosts split from the other permissions: the consent screen lists them apart. */
export function splitPermissions(permissions: readonly string[]) {
  const network = permissions.filter((p) => p.startsWith('network:'));
  return { access: permissions.filter((p) => !p.startsWith('network:')), network };
}
