// Mutual authentication between instances by their agency keys, without a PKI: every partner-facing request
// carries an Ed25519 signature by the sender's signing key over
//   "trag-request-v1\n" + METHOD + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + sha256hex(body)
// in the headers below. The receiver checks it against the key of a partner it has accepted, refuses timestamps
// outside the replay window and nonces it has seen inside it. TLS still protects the link (and its server
// certificate names the host); the signature is what says which agency is speaking. The same fields make a
// "signed message" file that travels by USB or e-mail and is checked the same way when imported.
import { createHash, randomBytes, sign, verify } from 'node:crypto';
import { AppError } from '@trag/core/shared';
import type { CooperationIdentity } from './agency-identity';
import { publicKeyFromBase64 } from './package-format';

export const SIGNATURE_HEADERS = {
  sender: 'x-trag-sender',
  timestamp: 'x-trag-timestamp',
  nonce: 'x-trag-nonce',
  signature: 'x-trag-signature',
} as const;

/** How far a request's timestamp may be from our clock (and how long its nonce is remembered). */
export const REPLAY_WINDOW_MS = 5 * 60 * 1000;

export function sha256Hex(body: Uint8Array | string): string {
  return createHash('sha256').update(body).digest('hex');
}

function signedText(method: string, path: string, timestamp: string, nonce: string, bodySha256: string): string {
  return `trag-request-v1\n${method.toUpperCase()}\n${path}\n${timestamp}\n${nonce}\n${bodySha256}`;
}

export interface SignedMessage {
  format: 'trag-message/1';
  sender: string;
  method: string;
  path: string;
  timestamp: string;
  nonce: string;
  bodySha256: string;
  signature: string;
}

export function signRequest(
  identity: CooperationIdentity,
  method: string,
  path: string,
  bodySha256: string,
  now: Date,
): SignedMessage {
  const timestamp = now.toISOString();
  const nonce = randomBytes(16).toString('base64url');
  const signature = sign(
    null,
    Buffer.from(signedText(method, path, timestamp, nonce, bodySha256)),
    identity.signing.privateKey,
  ).toString('base64');
  return {
    format: 'trag-message/1',
    sender: identity.fingerprint,
    method,
    path,
    timestamp,
    nonce,
    bodySha256,
    signature,
  };
}

export function signatureHeaders(message: SignedMessage): Record<string, string> {
  return {
    [SIGNATURE_HEADERS.sender]: message.sender,
    [SIGNATURE_HEADERS.timestamp]: message.timestamp,
    [SIGNATURE_HEADERS.nonce]: message.nonce,
    [SIGNATURE_HEADERS.signature]: message.signature,
  };
}

export function messageFromHeaders(
  headers: Record<string, string | string[] | undefined>,
  method: string,
  path: string,
  bodySha256: string,
): SignedMessage | null {
  const get = (name: string) => {
    const value = headers[name];
    return typeof value === 'string' && value.length > 0 && value.length < 300 ? value : null;
  };
  const sender = get(SIGNATURE_HEADERS.sender);
  const timestamp = get(SIGNATURE_HEADERS.timestamp);
  const nonce = get(SIGNATURE_HEADERS.nonce);
  const signature = get(SIGNATURE_HEADERS.signature);
  if (!sender || !timestamp || !nonce || !signature) return null;
  return { format: 'trag-message/1', sender, method, path, timestamp, nonce, bodySha256, signature };
}

const refused = (code: string, message: string) => new AppError('unauthenticated', code, message);

export interface SignatureCheck {
  /** Signing key (base64 SPKI) of an accepted partner with this fingerprint, or null. */
  partnerKey(fingerprint: string): Promise<string | null>;
  /** Records the nonce; returns false if it was already used. */
  useNonce(fingerprint: string, nonce: string): Promise<boolean>;
  now: Date;
}

/** Checks a signed request or message; throws 401 with a stable code when it does not hold. */
export async function verifySignedMessage(message: SignedMessage | null, check: SignatureCheck): Promise<void> {
  if (!message)
    throw refused('partner_signature_missing', 'This address only answers requests signed by a partner agency.');
  const key = await check.partnerKey(message.sender);
  if (!key) throw refused('partner_not_trusted', 'The calling agency is not a trusted partner of this agency.');
  const at = Date.parse(message.timestamp);
  if (!Number.isFinite(at) || Math.abs(at - check.now.getTime()) > REPLAY_WINDOW_MS) {
    throw refused(
      'partner_request_stale',
      'The request is too old or its clock is wrong; check both servers\u2019 time.',
    );
  }
  const text = signedText(message.method, message.path, message.timestamp, message.nonce, message.bodySha256);
  let ok = false;
  try {
    ok = verify(null, Buffer.from(text), publicKeyFromBase64(key), Buffer.from(message.signature, 'base64'));
  } catch {
    ok = false;
  }
  if (!ok) throw refused('partner_signature_invalid', 'The request signature does not match the partner\u2019s key.');
  if (!(await check.useNonce(message.sender, message.nonce))) {
    throw refused('partner_request_replayed', 'This request was already received once; it is refused.');
  }
}
