import { rejected, type NormalizeResult } from './identifier-result';

// Deliberately simple: one @, a dotted domain, no spaces. Lower-cased whole (providers treat mailboxes
// case-insensitively in practice); provider-specific rewriting (Gmail dots) is not applied, to stay predictable.
const EMAIL = /^[^\s@"<>(),;:]+@[^\s@"<>(),;:]+\.[^\s@"<>(),;:.]{2,}$/u;

export function normalizeEmail(raw: string): NormalizeResult {
  const text = raw.trim().replace(/^mailto:/i, '');
  if (!text) return rejected('No e-mail address was given.');
  if (text.length > 254) return rejected('This is too long to be an e-mail address.');
  if (!EMAIL.test(text)) return rejected('This is not an e-mail address (expected name@example.org).');
  const [local, domain] = text.split('@') as [string, string];
  let asciiDomain: string;
  try {
    asciiDomain = new URL(`http://${domain}`).hostname;
  } catch {
    return rejected('The part after @ is not a valid domain name.');
  }
  const value = `${local.toLowerCase()}@${asciiDomain.toLowerCase()}`;
  return { ok: true, value, display: text };
}
