// Embed tokens: what a page that embeds a module sends to the gateway instead of a session. A
// short-lived HS256 JWT bound to one installation (sub) and one origin (aud); the request's
// Origin must be that origin. The key is derived from the platform secret, as the at-rest
// encryption key is, under its own label, so neither can stand in for the other.
import { randomUUID } from 'node:crypto';
import type { Db } from '@dramac/db';
import { TRPCError } from '@trpc/server';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { conflict, fieldError, forbidden, notFound } from '../../errors.ts';
import { derivedKey } from '../../lib/derived-key.ts';
import { id } from '../../trpc.ts';
import { versionContract } from './contract.ts';

/** A token lives this long: long enough for a page view, short enough that a leaked one soon expires. */
const EMBED_TOKEN_TTL_SECONDS = 600;
const ISSUER = 'dramac';
const TYPE = 'dramac-embed+jwt';

/** `https://shop.example.com` or `http://localhost:8080`: scheme, host and port, nothing else. */
function isExactOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

const embedOrigin = z
  .string()
  .max(300)
  .refine(
    isExactOrigin,
    'Use an exact origin like https://shop.example.com: scheme, host and port only, no path or trailing slash',
  );

export const embedTokenInput = z.object({ installationId: id, origin: embedOrigin });

export const embedTokenOutput = z.object({ token: z.string(), origin: z.string(), expiresAt: z.date() });

const signingKey = () => derivedKey('embed-tokens-v1');

/**
 * The one place embed tokens are made. The installation must be enabled on its site and its
 * version must allow embedding. Callers scope `installation` to a site they have checked.
 */
export async function mintEmbedToken(
  services: { db: Db },
  installation: { id: string; siteId: string },
  origin: string,
): Promise<z.infer<typeof embedTokenOutput>> {
  if (!isExactOrigin(origin)) throw fieldError('origin', 'Use an exact origin like https://shop.example.com');
  const inst = await services.db.moduleInstallation.findFirst({
    where: { id: installation.id, siteId: installation.siteId },
    select: { id: true, status: true, versionId: true },
  });
  if (!inst) throw notFound('Installation');
  if (inst.status !== 'enabled') throw conflict(`This module is ${inst.status} on the site; enable it before embedding it`);
  if (!(await versionContract(services.db, inst.versionId)).embedAllowed) {
    throw forbidden('This version of the module does not allow embedding (its manifest sets embed.allowed to false)');
  }
  const now = Math.floor(Date.now() / 1000);
  const expires = now + EMBED_TOKEN_TTL_SECONDS;
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: TYPE })
    .setIssuer(ISSUER)
    .setSubject(inst.id)
    .setAudience(origin)
    .setIssuedAt(now)
    .setExpirationTime(expires)
    .setJti(randomUUID())
    .sign(signingKey());
  return { token, origin, expiresAt: new Date(expires * 1000) };
}

export interface EmbedClaims {
  installationId: string;
  origin: string;
}

const unauthorized = (message: string) => new TRPCError({ code: 'UNAUTHORIZED', message });

/** The installation and origin a token was issued for; UNAUTHORIZED when it is not one of ours or has expired. */
export async function verifyEmbedToken(token: string): Promise<EmbedClaims> {
  try {
    const { payload } = await jwtVerify(token, signingKey(), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      typ: TYPE,
      requiredClaims: ['sub', 'aud', 'exp', 'iat', 'jti'],
    });
    // ours never live longer; a longer one was not made by mintEmbedToken
    if (typeof payload.aud !== 'string' || payload.exp! - payload.iat! > EMBED_TOKEN_TTL_SECONDS) {
      throw unauthorized('This embed token is not valid');
    }
    return { installationId: payload.sub!, origin: payload.aud };
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) throw unauthorized('This embed token has expired; ask the page for a new one');
    if (err instanceof TRPCError) throw err;
    throw unauthorized('This embed token is not valid');
  }
}
