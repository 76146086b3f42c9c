// The storage behind @node-oauth/oauth2-server: the library runs the protocol (grant handling,
// PKCE verification, client authentication at the token endpoint, error shapes); this model
// keeps every credential as a sha256 hash and adds what the library cannot express:
//  - a replayed authorization code or refresh token revokes its whole token family;
//  - client credentials act on the one site the app's agency bound them to;
//  - a confidential client always authenticates, a public one never sends a secret;
//  - scopes never exceed the app's allowed scopes.
// The library's "user" is, for us, the grant a token acts under (app × site), plus its family.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { Db, DbOrTx } from '@dramac/db';
import OAuth2Server from '@node-oauth/oauth2-server';
import { newToken, sha256 } from '../../lib/secrets.ts';
import { isScope, scopes as registry, type Scope } from '../scopes.ts';

const { InvalidGrantError, UnauthorizedClientError } = OAuth2Server;

export interface OAuthClient extends OAuth2Server.Client {
  /** the app's row id; the library compares codes and tokens to it */
  id: string;
  clientId: string;
  clientType: 'confidential' | 'public';
  redirectUris: string[];
  scopes: string[];
  grants: string[];
}

/** Who a code or token acts for: a grant (or, while consenting, the user and chosen site). */
export interface Principal extends OAuth2Server.User {
  siteId: string;
  userId?: string;
  grantId?: string;
  familyId?: string;
  /** client credentials: the scopes bound with the site */
  grantScopes?: string[];
}

const grantsOf = (clientType: 'confidential' | 'public') =>
  clientType === 'confidential'
    ? ['authorization_code', 'refresh_token', 'client_credentials']
    : ['authorization_code', 'refresh_token'];

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** What a client_id can look like (ours are dci_ + base64url); anything else is nobody's. */
export const clientIdShape = /^[A-Za-z0-9_-]{1,100}$/;

async function findClient(db: Db, clientId: string) {
  if (!clientIdShape.test(clientId)) return null;
  const app = await db.oAuthApp.findUnique({ where: { clientId } });
  if (!app) return null;
  const client: OAuthClient = {
    id: app.id,
    clientId: app.clientId,
    clientType: app.clientType,
    redirectUris: app.redirectUris,
    scopes: app.scopes,
    grants: grantsOf(app.clientType),
  };
  return { app, client };
}

/** The app behind a client_id, without authenticating it (the authorization endpoint). */
export async function lookupClient(db: Db, clientId: string): Promise<OAuthClient | null> {
  return (await findClient(db, clientId))?.client ?? null;
}

/**
 * The app, if the credentials authenticate it: a confidential app must present its secret, a
 * public app must not present one (it has none to keep).
 */
export async function authenticateClient(db: Db, clientId: string, secret: string | undefined): Promise<OAuthClient | null> {
  const found = await findClient(db, clientId);
  if (!found) return null;
  const { app, client } = found;
  if (app.clientType === 'public') return secret ? null : client;
  if (!secret || !app.secretHash || !sameHash(sha256(secret), app.secretHash)) return null;
  return client;
}

/** Revokes every token of a family: the answer to a replayed code or refresh token. */
export async function revokeFamily(db: DbOrTx, familyId: string) {
  await db.oAuthToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** The scopes asked for, if all are known and allowed; nothing asked means everything allowed. */
function allowedScopes(requested: string[] | undefined, allowed: string[]): Scope[] | false {
  const wanted = requested?.length ? requested : allowed;
  if (!wanted.every((s) => isScope(s) && allowed.includes(s))) return false;
  return registry.filter((s) => wanted.includes(s));
}

export function oauthModel(db: Db) {
  return {
    generateAccessToken: async () => newToken('doa'),
    generateRefreshToken: async () => newToken('dor'),
    generateAuthorizationCode: async () => newToken('doc'),

    getClient: (clientId: string, secret?: string | null) => authenticateClient(db, clientId, secret ?? undefined),

    async validateScope(user: Principal, client: OAuthClient, scope?: string[]) {
      return allowedScopes(scope, user.grantScopes ?? client.scopes);
    },

    /** Consent given: the grant (app × site) gains the scopes, and the code is stored hashed. */
    async saveAuthorizationCode(
      code: Pick<
        OAuth2Server.AuthorizationCode,
        'authorizationCode' | 'expiresAt' | 'redirectUri' | 'scope' | 'codeChallenge' | 'codeChallengeMethod'
      >,
      client: OAuthClient,
      user: Principal,
    ) {
      const scopes = code.scope ?? [];
      await db.$transaction(async (tx) => {
        const key = { appId_siteId_kind: { appId: client.id, siteId: user.siteId, kind: 'authorization_code' as const } };
        const existing = await tx.oAuthGrant.findUnique({ where: key, select: { scopes: true } });
        const grant = await tx.oAuthGrant.upsert({
          where: key,
          create: { appId: client.id, siteId: user.siteId, kind: 'authorization_code', scopes, grantedById: user.userId },
          update: {
            scopes: registry.filter((s) => scopes.includes(s) || existing?.scopes.includes(s)),
            grantedById: user.userId,
          },
        });
        // codes live 60 s; the used ones are kept that long to recognise a replay
        await tx.oAuthAuthorizationCode.deleteMany({ where: { grantId: grant.id, expiresAt: { lt: new Date() } } });
        await tx.oAuthAuthorizationCode.create({
          data: {
            codeHash: sha256(code.authorizationCode),
            grantId: grant.id,
            userId: user.userId!,
            redirectUri: code.redirectUri,
            scopes,
            codeChallenge: code.codeChallenge ?? null,
            codeChallengeMethod: code.codeChallengeMethod ?? null,
            expiresAt: code.expiresAt,
          },
        });
      });
      return { ...code, client, user };
    },

    async getAuthorizationCode(authorizationCode: string) {
      const row = await db.oAuthAuthorizationCode.findUnique({
        where: { codeHash: sha256(authorizationCode) },
        include: { grant: { select: { appId: true, siteId: true, app: { select: { clientType: true } } } } },
      });
      if (!row) return null;
      if (row.usedAt) {
        // RFC 6749 §4.1.2 / RFC 9700 §4.5: a code used twice was stolen; what it issued is revoked
        await revokeFamily(db, row.id);
        return null;
      }
      // a public client's code without PKCE cannot be issued (the authorization endpoint refuses
      // it); refuse it here too, so that no path trades one for tokens
      if (row.grant.app.clientType === 'public' && !row.codeChallenge) return null;
      const user: Principal = { siteId: row.grant.siteId, userId: row.userId, grantId: row.grantId, familyId: row.id };
      return {
        codeId: row.id,
        authorizationCode,
        expiresAt: row.expiresAt,
        redirectUri: row.redirectUri,
        scope: row.scopes,
        codeChallenge: row.codeChallenge ?? undefined,
        codeChallengeMethod: row.codeChallengeMethod ?? undefined,
        client: { id: row.grant.appId, grants: [] },
        user,
      };
    },

    /** Marks the code used, atomically: of two concurrent exchanges only one wins. */
    async revokeAuthorizationCode(code: OAuth2Server.AuthorizationCode) {
      const { count } = await db.oAuthAuthorizationCode.updateMany({
        where: { id: code.codeId as string, usedAt: null },
        data: { usedAt: new Date() },
      });
      if (count === 0) await revokeFamily(db, code.codeId as string);
      return count === 1;
    },

    async saveToken(token: OAuth2Server.Token, client: OAuthClient, user: Principal) {
      const { grantId, familyId } = user;
      if (!grantId || !familyId) throw new InvalidGrantError('Invalid grant: no grant to issue tokens under');
      const scopes = token.scope ?? [];
      await db.$transaction(async (tx) => {
        const now = new Date();
        // revoked while the request was in flight: issue nothing
        const grant = await tx.oAuthGrant.updateMany({ where: { id: grantId }, data: { lastUsedAt: now } });
        if (grant.count === 0) throw new InvalidGrantError('Invalid grant: the site revoked this app’s access');
        await tx.oAuthToken.deleteMany({ where: { grantId, expiresAt: { lt: now } } });
        await tx.oAuthToken.create({
          data: {
            kind: 'access',
            tokenHash: sha256(token.accessToken),
            grantId,
            familyId,
            scopes,
            expiresAt: token.accessTokenExpiresAt!,
          },
        });
        if (token.refreshToken) {
          await tx.oAuthToken.create({
            data: {
              kind: 'refresh',
              tokenHash: sha256(token.refreshToken),
              grantId,
              familyId,
              scopes,
              expiresAt: token.refreshTokenExpiresAt!,
            },
          });
        }
      });
      return { ...token, client, user };
    },

    async getRefreshToken(refreshToken: string) {
      const row = await db.oAuthToken.findUnique({
        where: { tokenHash: sha256(refreshToken) },
        include: { grant: { select: { appId: true, siteId: true } } },
      });
      if (row?.kind !== 'refresh' || row.revokedAt) return null;
      if (row.rotatedAt) {
        // RFC 9700 §4.14.2: a refresh token presented after rotation was stolen or replayed;
        // the attacker and the legitimate client cannot be told apart, so the family goes
        await revokeFamily(db, row.familyId);
        return null;
      }
      const user: Principal = { siteId: row.grant.siteId, grantId: row.grantId, familyId: row.familyId };
      return {
        tokenId: row.id,
        refreshToken,
        refreshTokenExpiresAt: row.expiresAt,
        scope: row.scopes,
        client: { id: row.grant.appId, grants: [] },
        user,
      };
    },

    /** Rotation: the refresh token just used is spent, atomically; a concurrent replay loses. */
    async revokeToken(token: OAuth2Server.RefreshToken) {
      const { count } = await db.oAuthToken.updateMany({
        where: { id: token.tokenId as string, rotatedAt: null, revokedAt: null },
        data: { rotatedAt: new Date() },
      });
      if (count === 0) await revokeFamily(db, (token.user as Principal).familyId!);
      return count === 1;
    },

    /** Client credentials: the site the app's agency bound them to, with the app's scopes. */
    async getUserFromClient(client: OAuthClient): Promise<Principal> {
      const grant = await db.oAuthGrant.findFirst({ where: { appId: client.id, kind: 'client_credentials' } });
      if (!grant) {
        throw new UnauthorizedClientError(
          'Unauthorized client: client credentials are not enabled for this app; bind a site to them in the dashboard',
        );
      }
      return {
        siteId: grant.siteId,
        grantId: grant.id,
        familyId: randomUUID(),
        grantScopes: client.scopes.filter((s) => grant.scopes.includes(s)),
      };
    },
  };
}
