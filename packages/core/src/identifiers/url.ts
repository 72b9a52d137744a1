import { rejected, type NormalizeResult } from './identifier-result';

const TRACKING_PARAMS = /^(utm_[a-z]+|fbclid|gclid|dclid|mc_eid|igshid|si|ref_src)$/i;

/**
 * Canonical URL for matching: http(s) only, scheme added when missing, lower-case host (punycode), no "www.",
 * no default port, no fragment, no tracking parameters, remaining parameters sorted, no trailing slash.
 */
export function normalizeUrl(raw: string): NormalizeResult {
  const text = raw.trim();
  if (!text) return rejected('No web address was given.');
  if (text.length > 2048) return rejected('This web address is too long (over 2048 characters).');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return rejected('This is not a web address (expected e.g. https://example.org/page).');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return rejected('Only http and https web addresses can be stored as websites.');
  if (!url.hostname.includes('.') && url.hostname !== 'localhost')
    return rejected('The web address has no domain (expected e.g. example.org).');
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const params = [...url.searchParams.entries()]
    .filter(([k]) => !TRACKING_PARAMS.test(k))
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const path = url.pathname.replace(/\/+$/, '');
  const port = url.port ? `:${url.port}` : '';
  // The scheme is dropped from the key: http://x and https://x are the same site for matching.
  const value = `${host}${port}${path}${query}`;
  return { ok: true, value, display: text };
}
