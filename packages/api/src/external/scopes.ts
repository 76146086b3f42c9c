// The one list of what an external caller may be allowed to do on a site: the platform's scopes
// and those each registered domain declares. API tokens and OAuth apps draw from it, procedures
// name one of these in their meta (`scope`), the site-access builder checks it, and the OpenAPI
// document and the OAuth metadata publish it.
import { z } from 'zod';
import type { ScopeInfo } from '../registry/define-domain.ts';
import { domainScopes } from '../registry/index.ts';

/** A scope's name: `<area>:<read|write>`, such as `site:read` or `crm:write`. */
export type Scope = `${string}:${string}`;

/**
 * `description` is for the developer choosing scopes (token and app dialogs, API reference);
 * `consent` is what a site admin reads on the consent screen: what the app will be able to do,
 * in plain words.
 */
const platformScopes = {
  'site:read': {
    description: "Read the site's details",
    consent: 'See the site’s name, time zone, currency and language',
  },
  'modules:read': {
    description: 'List the modules installed on the site: versions, status, settings (never secrets) and permissions',
    consent: 'See which modules the site uses and how they are set up (never their secret settings)',
  },
  'modules.data:read': {
    description: "Read the rows in installed modules' own tables",
    consent: 'See the data the site’s modules keep, such as the form submissions they store',
  },
  'modules.data:write': {
    description: "Create, change and delete rows in installed modules' own tables",
    consent: 'Add, change and delete the data the site’s modules keep',
  },
  'webhooks:read': {
    description: 'List webhook endpoints and their delivery log',
    consent: 'See where this site sends change notifications, and the history of those notifications',
  },
  'webhooks:write': {
    description: 'Create, change and delete webhook endpoints, rotate secrets, redeliver',
    consent: 'Add, change and remove the addresses this site sends change notifications to',
  },
} satisfies Record<Scope, ScopeInfo>;

export const scopeInfo: Record<Scope, ScopeInfo> = { ...platformScopes, ...domainScopes() };
export const scopes = Object.keys(scopeInfo) as [Scope, ...Scope[]];
export const scopeSchema = z.enum(scopes);

export const isScope = (value: string): value is Scope => scopes.includes(value as Scope);

/** A known scope's texts (every scope reaching here was checked against the list). */
export function describeScope(scope: Scope): ScopeInfo {
  const info = scopeInfo[scope];
  if (!info) throw new Error(`Unknown scope "${scope}"`);
  return info;
}

/** The scopes in both lists, in registry order. */
export const intersectScopes = (a: readonly string[], b: readonly string[]): Scope[] =>
  scopes.filter((s) => a.includes(s) && b.includes(s));
