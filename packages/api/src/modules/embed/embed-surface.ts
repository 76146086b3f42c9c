// The embed endpoints as the traffic wrapper sees them: visitors of a client's page, without
// credentials, counted per IP and installation (each endpoint its own bucket), logged as the
// installation's embed traffic, and answered CORS only for the site's verified origins.
import type { Db } from '@dramac/db';
import { anonymousCaller, type Surface } from '../../external/traffic/index.ts';
import { jsonError } from '../../http/errors.ts';
import { type EmbeddableInstallation, siteVerifyingOrigin } from './embeddable.ts';

/** Browsers cache a preflight answer this long, as for the other surfaces. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

export function embedSurface(
  db: Db,
  endpoint: { route: string; bucket: string },
  installation: EmbeddableInstallation | null,
  error: Surface['error'] = jsonError,
): Surface {
  return {
    route: () => endpoint.route,
    cors: { methods: 'POST', headers: 'content-type', maxAgeSeconds: PREFLIGHT_MAX_AGE_SECONDS },
    async identify(req) {
      // unknown installations share one bucket per IP: guessing ids costs the guesser's own quota
      const visitor = anonymousCaller(req, `${endpoint.bucket}:${installation?.id ?? 'unknown'}`);
      return installation ? { ...visitor, kind: 'embed', clientId: installation.id, siteId: installation.siteId } : visitor;
    },
    // a preflight carries no body, so no installation: the site that verified the page's origin
    siteOf: async (_req, origin) => installation?.siteId ?? (origin ? siteVerifyingOrigin(db, origin) : null),
    error,
  };
}
