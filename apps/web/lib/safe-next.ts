// Where to go after signing in: only a path on this site. Absolute URLs, protocol-relative
// `//host` and backslash tricks all resolve to another origin and fall back.
const BASE = 'http://dramac.invalid';

export function safeNext(next: string | null | undefined, fallback = '/'): string {
  if (!next?.startsWith('/')) return fallback;
  try {
    const url = new URL(next, BASE);
    if (url.origin !== BASE) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
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
