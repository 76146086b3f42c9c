// OAuth apps an agency registers: a public client_id (dci_…), and for confidential apps a secret
// (dcs_…) shown once and stored as sha256. The client-credentials site binding is a grant of its
// own (kind client_credentials), so it is listed and revoked like any other.
import { randomBytes } from 'node:crypto';
import type { Db, DbOrTx } from '@dramac/db';
import { badRequest, notFound } from '../../errors.ts';
import { newToken, sha256 } from '../../lib/secrets.ts';
import type { CreateAppInput, UpdateAppInput } from './apps.schemas.ts';
import { logoPath } from './logo.ts';

const appSelect = {
  id: true,
  clientId: true,
  name: true,
  clientType: true,
  redirectUris: true,
  scopes: true,
  rateLimitPerMinute: true,
  secretPrefix: true,
  secretRotatedAt: true,
  logoType: true,
  createdAt: true,
  updatedAt: true,
  grants: {
    where: { kind: 'client_credentials' as const },
    select: { id: true, site: { select: { id: true, name: true } } },
  },
} as const;

type AppRow = {
  id: string;
  clientId: string;
  name: string;
  clientType: 'confidential' | 'public';
  redirectUris: string[];
  scopes: string[];
  rateLimitPerMinute: number;
  secretPrefix: string | null;
  secretRotatedAt: Date | null;
  logoType: string | null;
  createdAt: Date;
  updatedAt: Date;
  grants: { id: string; site: { id: string; name: string } }[];
};

/** What the dashboard shows of an app: never the secret's hash or the logo's bytes. */
function appView({ grants, logoType, ...app }: AppRow) {
  return {
    ...app,
    logoUrl: logoPath({ ...app, logoType }),
    /** the site its client credentials act on, if bound */
    credentialsSite: grants[0]?.site ?? null,
  };
}

const newSecret = () => {
  const secret = newToken('dcs');
  return { secret, data: { secretHash: sha256(secret), secretPrefix: secret.slice(0, 10), secretRotatedAt: new Date() } };
};

export async function listApps(db: Db, agencyId: string) {
  const apps = await db.oAuthApp.findMany({ where: { agencyId }, select: appSelect, orderBy: { createdAt: 'asc' } });
  return apps.map(appView);
}

async function findApp(db: DbOrTx, agencyId: string, appId: string) {
  const app = await db.oAuthApp.findFirst({ where: { id: appId, agencyId }, select: appSelect });
  if (!app) throw notFound('App');
  return app;
}

/** The new app, and its client secret when confidential: the only time the secret is shown. */
export async function createApp(db: Db, agencyId: string, createdById: string, input: CreateAppInput) {
  const secret = input.clientType === 'confidential' ? newSecret() : null;
  const app = await db.oAuthApp.create({
    data: {
      agencyId,
      createdById,
      clientId: `dci_${randomBytes(16).toString('base64url')}`,
      name: input.name,
      clientType: input.clientType,
      redirectUris: input.redirectUris,
      scopes: input.scopes,
      rateLimitPerMinute: input.rateLimitPerMinute,
      logo: input.logo?.bytes ?? null,
      logoType: input.logo?.type ?? null,
      ...secret?.data,
    },
    select: appSelect,
  });
  return { app: appView(app), clientSecret: secret?.secret ?? null };
}

export async function updateApp(db: Db, agencyId: string, appId: string, input: UpdateAppInput) {
  return db.$transaction(async (tx) => {
    await findApp(tx, agencyId, appId);
    const { logo, ...fields } = input;
    const app = await tx.oAuthApp.update({
      where: { id: appId },
      data: { ...fields, ...(logo !== undefined && { logo: logo?.bytes ?? null, logoType: logo?.type ?? null }) },
      select: appSelect,
    });
    // the client-credentials grant carries exactly the app's scopes
    if (input.scopes) {
      await tx.oAuthGrant.updateMany({ where: { appId, kind: 'client_credentials' }, data: { scopes: input.scopes } });
    }
    return appView(app);
  });
}

/** A new secret for a confidential app; the old one stops working at once. */
export async function rotateAppSecret(db: Db, agencyId: string, appId: string) {
  const app = await findApp(db, agencyId, appId);
  if (app.clientType !== 'confidential') throw badRequest('Public apps have no client secret');
  const secret = newSecret();
  const updated = await db.oAuthApp.update({ where: { id: appId }, data: secret.data, select: appSelect });
  return { app: appView(updated), clientSecret: secret.secret };
}

/** Deletes the app with every grant, code and token it holds. */
export async function deleteApp(db: Db, agencyId: string, appId: string) {
  const { count } = await db.oAuthApp.deleteMany({ where: { id: appId, agencyId } });
  if (count === 0) throw notFound('App');
  return { id: appId };
}

/**
 * Binds the app's client credentials to one of the agency's own sites (or unbinds them with
 * null). There is no user in that flow, so only the app's own agency can choose the site, and an
 * app acts on one site at most: binding another replaces the grant and its tokens.
 */
export async function setCredentialsSite(db: Db, agencyId: string, appId: string, siteId: string | null, userId: string) {
  return db.$transaction(async (tx) => {
    const app = await findApp(tx, agencyId, appId);
    if (siteId !== null) {
      if (app.clientType !== 'confidential') {
        throw badRequest('Public apps cannot use client credentials: they cannot keep a secret');
      }
      const site = await tx.site.findFirst({ where: { id: siteId, agencyId } });
      if (!site) throw notFound('Site');
    }
    if (app.grants[0]?.site.id === siteId) return appView(app);
    await tx.oAuthGrant.deleteMany({ where: { appId, kind: 'client_credentials' } });
    if (siteId !== null) {
      await tx.oAuthGrant.create({
        data: { appId, siteId, kind: 'client_credentials', scopes: app.scopes, grantedById: userId },
      });
    }
    return appView(await findApp(tx, agencyId, appId));
  });
}
