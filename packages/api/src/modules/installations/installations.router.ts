import { z } from 'zod';
import { router, siteProcedure } from '../../trpc.ts';
import { embedTokenInput, embedTokenOutput, mintEmbedToken } from '../gateway/embed-token.ts';
import {
  availableUpgradeOutput,
  configureInput,
  installationOutput,
  installationRef,
  installInput,
  setEnabledInput,
  uninstallInput,
  upgradeInput,
} from './installations.schemas.ts';
import {
  availableUpgrades,
  configureInstallation,
  getInstallation,
  installModule,
  listInstallations,
  purgeRetainedData,
  rollbackInstallation,
  setInstallationEnabled,
  uninstallInstallation,
  upgradeInstallation,
} from './installations.service.ts';

const admin = siteProcedure('admin');

export const installationsRouter = router({
  list: siteProcedure()
    .output(z.array(installationOutput))
    .query(({ ctx }) => listInstallations(ctx)),
  get: siteProcedure()
    .input(installationRef)
    .output(installationOutput)
    .query(({ ctx, input }) => getInstallation(ctx, input.installationId)),
  /** Newer published versions, newest first, with their changelog and the permissions they add. */
  available: siteProcedure()
    .input(installationRef)
    .output(z.array(availableUpgradeOutput))
    .query(({ ctx, input }) => availableUpgrades(ctx, input.installationId)),
  /** Installs a published version; `acceptPermissions` is the consent screen's answer. */
  install: admin
    .input(installInput)
    .output(installationOutput)
    .mutation(({ ctx, input }) => installModule(ctx, input)),
  /** Saves the settings form; secrets are encrypted and only ever shown as `{ set }`. */
  configure: admin
    .input(configureInput)
    .output(installationOutput)
    .mutation(({ ctx, input }) => configureInstallation(ctx, input)),
  setEnabled: admin
    .input(setEnabledInput)
    .output(installationOutput)
    .mutation(({ ctx, input }) => setInstallationEnabled(ctx, input.installationId, input.enabled)),
  upgrade: admin
    .input(upgradeInput)
    .output(installationOutput)
    .mutation(({ ctx, input }) => upgradeInstallation(ctx, input.installationId, input.versionId, input.acceptPermissions)),
  rollback: admin
    .input(installationRef)
    .output(installationOutput)
    .mutation(({ ctx, input }) => rollbackInstallation(ctx, input.installationId)),
  uninstall: admin
    .input(uninstallInput)
    .output(installationOutput)
    .mutation(({ ctx, input }) => uninstallInstallation(ctx, input.installationId, input.purgeNow)),
  /** Deletes the data an uninstalled module left behind now, rather than when retention ends. */
  purgeData: admin
    .input(installationRef)
    .output(installationOutput)
    .mutation(({ ctx, input }) => purgeRetainedData(ctx, input.installationId)),
  /** A short-lived token for the module gateway, for pages on `origin` that embed this module. */
  embedToken: admin
    .input(embedTokenInput)
    .output(embedTokenOutput)
    .mutation(({ ctx, input }) => mintEmbedToken(ctx, { id: input.installationId, siteId: ctx.site.id }, input.origin)),
});
