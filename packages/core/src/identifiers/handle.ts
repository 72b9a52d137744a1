// Online account handles: "@name", "name" or a profile URL → the platform's canonical handle, lower-cased for
// platforms whose handles are case-insensitive. Messenger accounts keyed by phone number use the phone's E.164.
import { rejected, type NormalizeResult } from './identifier-result';
import { normalizePhone } from './phone';

export const PLATFORMS = [
  'facebook',
  'instagram',
  'telegram',
  'tiktok',
  'x',
  'youtube',
  'linkedin',
  'vk',
  'snapchat',
  'olx',
  'whatsapp',
  'viber',
  'signal',
  'other',
] as const;
export type Platform = (typeof PLATFORMS)[number];

export function isPlatform(value: string): value is Platform {
  return (PLATFORMS as readonly string[]).includes(value);
}

const PROFILE_HOSTS: Record<string, Platform> = {
  'facebook.com': 'facebook',
  'm.facebook.com': 'facebook',
  'fb.com': 'facebook',
  'instagram.com': 'instagram',
  't.me': 'telegram',
  'telegram.me': 'telegram',
  'tiktok.com': 'tiktok',
  'twitter.com': 'x',
  'x.com': 'x',
  'youtube.com': 'youtube',
  'linkedin.com': 'linkedin',
  'vk.com': 'vk',
  'snapchat.com': 'snapchat',
  'olx.ba': 'olx',
};

const HANDLE_RULES: Partial<Record<Platform, RegExp>> = {
  telegram: /^[a-z][a-z0-9_]{3,31}$/,
  instagram: /^[a-z0-9._]{1,30}$/,
  x: /^[a-z0-9_]{1,15}$/,
  tiktok: /^[a-z0-9._]{2,24}$/,
  facebook: /^[a-z0-9.]{1,50}$|^\d{5,20}$/,
};

const PHONE_PLATFORMS: readonly Platform[] = ['whatsapp', 'viber', 'signal'];

/** Extracts the handle from a profile URL of a known host; returns null for other inputs. */
function handleFromUrl(text: string): { platform: Platform; handle: string } | null {
  if (!/^(https?:\/\/)?([a-z0-9-]+\.)*[a-z0-9-]+\.[a-z]{2,}\//i.test(text)) return null;
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const platform = PROFILE_HOSTS[host];
  if (!platform) return null;
  if (platform === 'facebook' && url.pathname === '/profile.php') {
    const id = url.searchParams.get('id');
    return id ? { platform, handle: id } : null;
  }
  const segments = url.pathname.split('/').filter(Boolean);
  const first = segments[0] === 's' || segments[0] === 'in' || segments[0] === 'c' ? segments[1] : segments[0];
  if (!first) return null;
  return { platform, handle: decodeURIComponent(first).replace(/^@/, '') };
}

/** `value` is "platform:handle" (the identifier key); `display` is "@handle" or the E.164 number. */
export function normalizeHandle(platform: string, raw: string): NormalizeResult {
  const p = platform.trim().toLowerCase();
  if (!isPlatform(p)) return rejected(`Unknown platform "${platform}". Use one of: ${PLATFORMS.join(', ')}.`);
  const text = raw.trim();
  if (!text) return rejected('No account name was given.');
  if (text.length > 200) return rejected('This account name is too long.');

  if (PHONE_PLATFORMS.includes(p)) {
    const phone = normalizePhone(text);
    if (!phone.ok) return rejected(`${p} accounts are identified by a phone number: ${phone.reason}`);
    return { ok: true, value: `${p}:${phone.value}`, display: phone.display ?? phone.value, platform: p };
  }

  const fromUrl = handleFromUrl(text);
  if (fromUrl && fromUrl.platform !== p && p !== 'other')
    return rejected(`This is a ${fromUrl.platform} profile address, not a ${p} one. Choose the right platform.`);
  const handle = (fromUrl?.handle ?? text.replace(/^@/, '')).toLowerCase();
  if (/\s/.test(handle)) return rejected('An account name cannot contain spaces.');
  const rule = HANDLE_RULES[p];
  if (rule && !rule.test(handle)) return rejected(`"${handle}" is not a valid ${p} account name.`);
  return { ok: true, value: `${p}:${handle}`, display: `@${handle}`, platform: p };
}
