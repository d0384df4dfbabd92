/** A location inside the hash: `#/collectors/abc?range=24h` → path `/collectors/abc`, query range=24h. */
export interface HashLocation {
  readonly path: string;
  readonly query: URLSearchParams;
}

export interface RouteMatch<N extends string> {
  readonly name: N;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
}

/** Splits a location hash (with or without the leading `#`) into path and query. */
export function parseHash(hash: string): HashLocation {
  const raw = hash.replace(/^#/, '');
  const [pathPart = '', queryPart = ''] = raw.split(/\?(.*)/s, 2);
  const path = `/${pathPart.replace(/^\/+/, '').replace(/\/+$/, '')}`;
  return { path, query: new URLSearchParams(queryPart) };
}

/** The hash of a path and its query parameters (empty values dropped). */
export function buildHash(path: string, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, value);
  const search = params.toString();
  return `#${path}${search ? `?${search}` : ''}`;
}

/**
 * The first route whose pattern matches the path. Patterns are like `/collectors/:id`;
 * parameters are URI-decoded, and a malformed escape does not match.
 */
export function matchRoute<N extends string>(routes: Readonly<Record<N, string>>, location: HashLocation): RouteMatch<N> | undefined {
  const segments = location.path.split('/').filter(Boolean);
  for (const [name, pattern] of Object.entries(routes) as [N, string][]) {
    const parts = pattern.split('/').filter(Boolean);
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let matched = true;
    for (const [i, part] of parts.entries()) {
      const segment = segments[i]!;
      if (part.startsWith(':')) {
        try {
          params[part.slice(1)] = decodeURIComponent(segment);
        } catch {
          matched = false;
        }
      } else if (part !== segment) matched = false;
      if (!matched) break;
    }
    if (matched) return { name, params, query: location.query };
  }
  return undefined;
}
