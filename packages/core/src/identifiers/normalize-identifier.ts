// One entry point for every identifier kind: normalizeIdentifier(type, raw) → {ok, value …} | {ok:false, reason}.
// Types are the entity types that carry an identifier, plus short aliases (url, iban, wallet, handle, plate).
import { describeAddressError, validateAddress } from '@trag/core/crypto';
import { normalizeEmail } from './email';
import { normalizeDocumentNumber, normalizePlate } from './generic';
import { normalizeHandle } from './handle';
import { normalizeIban } from './iban';
import { rejected, type NormalizeResult } from './identifier-result';
import { normalizePhone } from './phone';
import { normalizeUrl } from './url';

export const IDENTIFIER_TYPES = [
  'phone',
  'email',
  'online_account',
  'website',
  'crypto_wallet',
  'bank_account',
  'vehicle',
  'document',
] as const;
export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];

const ALIASES: Record<string, IdentifierType> = {
  url: 'website',
  iban: 'bank_account',
  wallet: 'crypto_wallet',
  handle: 'online_account',
  plate: 'vehicle',
};

/** The canonical identifier type for a type name or alias, or null when the type carries no identifier. */
export function identifierTypeOf(type: string): IdentifierType | null {
  if ((IDENTIFIER_TYPES as readonly string[]).includes(type)) return type as IdentifierType;
  return ALIASES[type] ?? null;
}

export function normalizeWallet(raw: string): NormalizeResult {
  const result = validateAddress(raw.trim());
  if (!result.valid || !result.normalized) return rejected(describeAddressError(result.error ?? 'unrecognised_format'));
  return {
    ok: true,
    value: result.normalized,
    display: result.normalized,
    ...(result.chain ? { chain: result.chain } : {}),
  };
}

export interface NormalizeOptions {
  /** online_account: the platform (facebook, telegram …). A raw value "platform:handle" also works. */
  platform?: string;
  /** phone: the country to try first for numbers without a country code. */
  defaultRegion?: string;
}

export function normalizeIdentifier(type: string, raw: string, options: NormalizeOptions = {}): NormalizeResult {
  const kind = identifierTypeOf(type);
  if (!kind) return rejected(`"${type}" is not an identifier type. Use one of: ${IDENTIFIER_TYPES.join(', ')}.`);
  if (typeof raw !== 'string') return rejected('The identifier must be text.');
  switch (kind) {
    case 'phone':
      return normalizePhone(raw, options);
    case 'email':
      return normalizeEmail(raw);
    case 'website':
      return normalizeUrl(raw);
    case 'bank_account':
      return normalizeIban(raw);
    case 'crypto_wallet':
      return normalizeWallet(raw);
    case 'vehicle':
      return normalizePlate(raw);
    case 'document':
      return normalizeDocumentNumber(raw);
    case 'online_account': {
      if (options.platform) return normalizeHandle(options.platform, raw);
      const m = /^([a-z]+):(.+)$/i.exec(raw.trim());
      if (m && !/^https?$/i.test(m[1]!)) return normalizeHandle(m[1]!, m[2]!);
      return rejected('Say which platform this account is on (e.g. telegram, facebook).');
    }
  }
}
