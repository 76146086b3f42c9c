// The one list of what an external caller may be allowed to do on a site. API tokens and OAuth
// apps draw from it, REST routes name one of these in their meta (`scope`), tokenProcedure checks
// it, and the OpenAPI document and the OAuth metadata publish it.
import { z } from 'zod';

export const scopes = [
  'site:read',
  'modules:read',
  'modules.data:read',
  'modules.data:write',
  'webhooks:read',
  'webhooks:write',
] as const;
export type Scope = (typeof scopes)[number];
export const scopeSchema = z.enum(scopes);

/**
 * `description` is for the developer choosing scopes (token and app dialogs, API reference);
 * `consent` is what a site admin reads on the consent screen: what the app will be able to do,
 * in plain words.
 */
export const scopeInfo: Record<Scope, { description: string; consent: string }> = {
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
};

export const isScope = (value: string): value is Scope => (scopes as readonly string[]).includes(value);

/** The scopes in both lists, in registry order. */
export const intersectScopes = (a: readonly string[], b: readonly string[]): Scope[] =>
  scopes.filter((s) => a.includes(s) && b.includes(s));
