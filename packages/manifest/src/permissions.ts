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
