// Optional RFC 3161 trusted timestamps for custody entries. A TimestampAuthority turns an entry hash into a
// token from a configured time-stamping authority (TSA); the token is stored beside the entry and exported in
// the bundle, where `openssl ts -verify` can check it against the TSA's certificate.
import type { TrustedTimestamp } from './custody-ledger';

export interface TimestampAuthority {
  /** Requests a token over SHA-256 of the ASCII entry hash. */
  stamp(entryHash: string): Promise<TrustedTimestamp>;
}
