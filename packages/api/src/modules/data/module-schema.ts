// Where a module's data lives: schema `mod_<shortid>`, used by a role of the same name. The short
// id is the only part of those names that is not ours, so it is checked before any SQL sees it.
import { badRequest } from '../../errors.ts';

const SHORT_ID = /^[a-z0-9]{8,12}$/;

/** The schema (and the role) that holds a module's tables: `mod_<shortid>`. */
export function moduleSchemaName(shortId: string): string {
  if (!SHORT_ID.test(shortId)) throw badRequest('A module short id is 8 to 12 lowercase letters or digits');
  return `mod_${shortId}`;
}
