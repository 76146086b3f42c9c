import { apiTokensRouter } from './external/api-tokens/api-tokens.router.ts';
import { domainsRouter } from './external/domains/domains.router.ts';
import { oauthAppsRouter, oauthGrantsRouter } from './external/oauth/oauth.router.ts';
import { requestLogRouter } from './external/traffic/request-log.router.ts';
import { installationsRouter } from './modules/installations/installations.router.ts';
import { installedModulesRouter } from './modules/installed/installed-modules.router.ts';
import { registryRouter } from './modules/registry/registry.router.ts';
import { agenciesRouter } from './platform/agencies/agencies.router.ts';
import { authRouter } from './platform/auth/auth.router.ts';
import { emailRouter } from './platform/email/email.router.ts';
import { invitationsRouter } from './platform/invitations/invitations.router.ts';
import { membersRouter } from './platform/members/members.router.ts';
import { sitesRouter } from './platform/sites/sites.router.ts';
import { domainRouters } from './registry/index.ts';
import { router } from './trpc.ts';
import { webhooksRouter } from './webhooks/webhooks.router.ts';

export const appRouter = router({
  auth: authRouter,
  agencies: agenciesRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  sites: sitesRouter,
  email: emailRouter,
  apiTokens: apiTokensRouter,
  oauthApps: oauthAppsRouter,
  oauthGrants: oauthGrantsRouter,
  webhooks: webhooksRouter,
  modules: registryRouter,
  installations: installationsRouter,
  installedModules: installedModulesRouter,
  domains: domainsRouter,
  requestLog: requestLogRouter,
  // the business domains (registry/domains.ts), each under its key
  ...domainRouters(),
});

export type AppRouter = typeof appRouter;
