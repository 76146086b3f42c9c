// Scopes a module may request. The install consent screen lists them, and the gateway and the
// bridge refuse anything a module did not declare.
import { z } from 'zod';

export const SCOPES = [
  'site:read',
  'data:own',
  'crm.contacts:read',
  'crm.contacts:write',
  'booking:read',
  'booking:write',
  'accounting:read',
  'accounting:write',
] as const;
export type Scope = (typeof SCOPES)[number];

/** `network:<host>`: a host the module's frontend may call; `*.` allows one level of subdomains. */
const NETWORK_SCOPE = /^network:(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

// What each scope lets a module do, in the words the consent screen, the review queue and the docs
// show to people who are not developers. Kept here, next to the scopes, so a new scope cannot
// ship without its sentence (the Record type insists).
const SCOPE_DESCRIPTIONS: Record<Scope, string> = {
  'site:read': "See the site's details: its name, language, time zone and currency",
  'data:own': 'Keep its own data for this site, in tables that only this module can reach',
  'crm.contacts:read': "See the site's CRM contacts",
  'crm.contacts:write': "Add, change and delete the site's CRM contacts",
  'booking:read': "See the site's bookings and availability",
  'booking:write': "Create, change and cancel the site's bookings",
  'accounting:read': "See the site's invoices, payments and other accounting records",
  'accounting:write': "Create and change the site's invoices and other accounting records",
};

/** A permission in plain words, e.g. `network:api.example.com` → "Connect from its pages to api.example.com". */
export function describePermission(scope: string): string {
  if (scope in SCOPE_DESCRIPTIONS) return SCOPE_DESCRIPTIONS[scope as Scope];
  if (NETWORK_SCOPE.test(scope)) {
    const host = scope.slice('network:'.length);
    return host.startsWith('*.')
      ? `Connect from its pages to subdomains of ${host.slice(2)}, like api.${host.slice(2)}`
      : `Connect from its pages to ${host}`;
  }
  // a manifest stored before a scope was retired still renders
  return `Unrecognised permission "${scope}"`;
}

function unknownScopeMessage(input: unknown): string {
  if (typeof input === 'string' && input.startsWith('network:'))
    return `"${input}" is not a valid network permission: use network:<host>, like network:api.example.com or network:*.example.com (lowercase, no scheme, port or path)`;
  return `Unknown permission ${JSON.stringify(input)}. Use one of ${SCOPES.join(', ')}, or network:<host>`;
}

// A string that is neither a scope nor network:<host> fails only the pattern, so the helpful
// message sits there; the union's own message covers values that are not strings at all.
export const permission = z.union(
  [z.enum(SCOPES), z.string().regex(NETWORK_SCOPE, { error: (issue) => unknownScopeMessage(issue.input) })],
  { error: (issue) => unknownScopeMessage(issue.input) },
);

export const permissions = z
  .array(permission)
  .max(50)
  .refine((list) => new Set(list).size === list.length, 'A permission is listed twice');
