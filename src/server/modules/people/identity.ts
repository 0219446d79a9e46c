import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

// Identity keys: two people with one key in common are the same person (an exact duplicate).
// email:<lower case>, phone:<E.164>, handle:<platform>:<normalised handle or profile URL>.

export type IdentitySource = {
  emails: readonly string[];
  phones: readonly string[];
  handles: readonly { platform: string; handle: string; url?: string | null }[];
};

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

// E.164 when the number can be read (with the workspace's country for numbers without +), else null.
export function normalisePhone(phone: string, defaultCountry?: CountryCode): string | null {
  const parsed = parsePhoneNumberFromString(phone, defaultCountry);
  return parsed?.isValid() ? parsed.number : null;
}

// Query parameters that only say where a click came from.
const trackingParameter = /^(utm_.*|trk|trkinfo|ref|ref_src|src|fbclid|igshid|si|s|t|lipi|originalsubdomain)$/i;

// Profile URLs: https, lower-case host without www., no fragment, no trailing slash, no tracking
// parameters (others stay: twitter.com/intent/user?user_id=… names the person by its query).
export function normaliseProfileUrl(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    if (!/^https?:$/.test(parsed.protocol)) return null;
    const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
    const path = decodeURI(parsed.pathname).replace(/\/+$/, '').toLowerCase();
    const query = [...parsed.searchParams].filter(([name]) => !trackingParameter.test(name)).sort(([a], [b]) => a.localeCompare(b));
    return `https://${host}${path}${query.length ? '?' + new URLSearchParams(query).toString() : ''}`;
  } catch {
    return null;
  }
}

// Handles compare case-insensitively without a leading @ (a Mastodon handle keeps its user@domain).
export function normaliseHandle(handle: string): string {
  return handle.trim().toLowerCase().replace(/^@/, '');
}

export function identityKeys(person: IdentitySource, defaultCountry?: CountryCode): string[] {
  const keys = new Set<string>();
  for (const email of person.emails) keys.add(`email:${normaliseEmail(email)}`);
  for (const phone of person.phones) {
    const e164 = normalisePhone(phone, defaultCountry);
    if (e164) keys.add(`phone:${e164}`);
  }
  for (const h of person.handles) {
    if (h.handle.trim()) keys.add(`handle:${h.platform}:${normaliseHandle(h.handle)}`);
    const url = h.url ? normaliseProfileUrl(h.url) : null;
    if (url) keys.add(`url:${url}`);
  }
  return [...keys];
}
