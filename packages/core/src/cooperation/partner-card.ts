// The partner card: the public half of an agency's cooperation identity, exchanged as a JSON file or QR code.
// Importing a card checks that the fingerprint it states is the fingerprint of the keys it carries, so a card
// damaged in transit cannot be added; whether the keys really belong to that agency is what the officers confirm by
// reading the fingerprint to each other by phone before accepting the partner.
import { createPublicKey } from 'node:crypto';
import { Value } from '@sinclair/typebox/value';
import QRCode from 'qrcode';
import { cooperation } from '@trag/contracts';
import { invalid } from '@trag/core/shared';
import { partnerFingerprint, type CooperationIdentity } from './agency-identity';

export function buildPartnerCard(
  identity: CooperationIdentity,
  agency: { name: string; country: string; kind: string },
  endpoint: string | null,
  contact: string | null,
): cooperation.PartnerCard {
  return {
    format: 'trag-partner-card/1',
    agencyName: agency.name,
    country: agency.country,
    kind: agency.kind,
    ...identity.publicKeys,
    endpoint,
    contact,
    fingerprint: identity.fingerprint,
  };
}

/** Validates an imported card (shape, key formats, fingerprint); throws a 400 naming what is wrong. */
export function parsePartnerCard(value: unknown): cooperation.PartnerCard {
  if (!Value.Check(cooperation.PartnerCard, value)) {
    throw invalid('partner_card_invalid', 'This is not a Trag partner card (wrong or missing fields).');
  }
  // Empty text means "none" (form fields and coercing validators turn null into "").
  const card = { ...value, endpoint: value.endpoint || null, contact: value.contact || null };
  try {
    const key = createPublicKey({ key: Buffer.from(card.signingKey, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
  } catch {
    throw invalid('partner_card_invalid', 'The signing key on the card is not an Ed25519 public key.');
  }
  if (Buffer.from(card.matchingKey, 'base64url').length !== 32) {
    throw invalid('partner_card_invalid', 'The matching key on the card is not a ristretto255 public key.');
  }
  if (card.endpoint !== null && !/^https?:\/\/[^\s]+$/.test(card.endpoint)) {
    throw invalid('partner_card_invalid', 'The endpoint on the card is not an http(s) address.');
  }
  const computed = partnerFingerprint(card);
  if (computed !== card.fingerprint) {
    throw invalid(
      'partner_card_fingerprint_mismatch',
      'The fingerprint on the card does not match its keys: the card was changed or damaged. Ask for it again.',
    );
  }
  return card;
}

export function partnerCardQrSvg(card: cooperation.PartnerCard): Promise<string> {
  return QRCode.toString(JSON.stringify(card), { type: 'svg', errorCorrectionLevel: 'L', margin: 2 });
}
