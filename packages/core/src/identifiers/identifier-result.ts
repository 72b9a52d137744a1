/** Outcome of normalising one identifier. `value` is the key stored and compared; `display` is for people. */
export type NormalizeResult =
  | {
      ok: true;
      value: string;
      display?: string;
      /** ISO 3166-1 alpha-2 where the identifier carries one (phone numbers, IBANs). */
      country?: string;
      /** Online accounts: the platform. */
      platform?: string;
      /** Wallets: btc | eth | trx. */
      chain?: string;
    }
  | { ok: false; reason: string };

export const rejected = (reason: string): NormalizeResult => ({ ok: false, reason });
