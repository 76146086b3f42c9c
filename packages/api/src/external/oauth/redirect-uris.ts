// Redirect URIs an app may register. They are compared as exact strings at authorize and token
// time (RFC 9700 §2.1), so what is registered must be precise: https, or plain http only for a
// loopback address a native app listens on (RFC 8252 §7.3); no fragment, no credentials, no
// wildcard.
import { z } from 'zod';

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why `value` cannot be a registered redirect URI, or null when it can. */
function redirectUriProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter an absolute URL, such as https://app.example/callback';
  }
  if (url.protocol === 'http:' && !loopbackHosts.has(url.hostname)) {
    return 'Use https; plain http is only allowed for localhost, 127.0.0.1 and [::1]';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Use an https URL';
  if (url.username || url.password) return 'Remove the user name and password from the URL';
  if (value.includes('#')) return 'Remove the fragment (#…): redirects cannot carry one';
  if (value.includes('*')) return 'Wildcards are not allowed: register each URL exactly';
  return null;
}

const redirectUriSchema = z
  .string()
  .trim()
  .min(1, 'Enter a redirect URL')
  .max(2000, 'Use at most 2000 characters')
  .superRefine((value, ctx) => {
    const problem = redirectUriProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const redirectUrisSchema = z
  .array(redirectUriSchema)
  .min(1, 'Add at least one redirect URL')
  .max(10, 'Register at most 10 redirect URLs')
  .superRefine((uris, ctx) => {
    uris.forEach((uri, i) => {
      if (uris.indexOf(uri) !== i) ctx.addIssue({ code: 'custom', path: [i], message: 'This URL is listed twice' });
    });
  });
