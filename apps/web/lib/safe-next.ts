// Where to go after signing in: only a path on this site. Absolute URLs, protocol-relative
// `//host`, and whatever a browser or URL parser turns into one (`/\host`, `/.//host`, tabs and
// newlines it strips, `/a/..//host`) all fall back.
const BASE = 'http://dramac.invalid';

// a backslash is a slash to browsers; control characters (tab, newline …) are dropped by URL parsers
const hasUnsafeCharacter = (s: string) => [...s].some((c) => c === '\\' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

export function safeNext(next: string | null | undefined, fallback = '/'): string {
  if (!next?.startsWith('/') || hasUnsafeCharacter(next)) return fallback;
  try {
    const url = new URL(next, BASE);
    if (url.origin !== BASE) return fallback;
    const path = `${url.pathname}${url.search}${url.hash}`;
    // dot segments are resolved here (`/.//evil.com` → `//evil.com`): a Location header with the
    // result would leave the site
    return path.startsWith('//') ? fallback : path;
  } catch {
    return fallback;
  }
}

/** `/sign-in?next=…&email=…`, leaving out what is empty. */
export function authHref(page: '/sign-in' | '/sign-up', params: { next?: string | null; email?: string | null }): string {
  const query = new URLSearchParams();
  if (params.next) query.set('next', params.next);
  if (params.email) query.set('email', params.email);
  const qs = query.toString();
  return qs ? `${page}?${qs}` : page;
}
