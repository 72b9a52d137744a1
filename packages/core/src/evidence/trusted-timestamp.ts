// Optional RFC 3161 trusted timestamps for custody entries. A TimestampAuthority turns an entry hash into a token
// from a configured time-stamping authority (TSA, `TRAG_TSA_URL`); the token is stored with the entry and travels
// in the bundle's ledgers. What is time-stamped is the 64 ASCII characters of the entry hash, so an expert checks a
// token with:   printf %s <hash> > h; openssl ts -verify -data h -in token.der -CAfile tsa-ca.pem [-untrusted tsa.pem]
import { createHash, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppError } from '../shared/errors';
import type { TrustedTimestamp } from './custody-ledger';

export interface TimestampAuthority {
  /** Requests a token over SHA-256 of the ASCII entry hash. */
  stamp(entryHash: string): Promise<TrustedTimestamp>;
}

const SHA256_ALGORITHM = Buffer.from('300d06096086480165030402010500', 'hex');

function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n >>= 8) bytes.unshift(n & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function der(tag: number, value: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), derLength(value.length), value]);
}

/** DER TimeStampReq (RFC 3161 §2.4.1): version 1, SHA-256 message imprint, a nonce, certReq TRUE. */
export function timestampRequest(data: Buffer, nonce: Buffer = randomBytes(8)): Buffer {
  const imprint = der(0x30, Buffer.concat([SHA256_ALGORITHM, der(0x04, createHash('sha256').update(data).digest())]));
  const positiveNonce = Buffer.from(nonce);
  positiveNonce[0] = positiveNonce[0]! & 0x7f;
  return der(
    0x30,
    Buffer.concat([der(0x02, Buffer.from([1])), imprint, der(0x02, positiveNonce), der(0x01, Buffer.from([0xff]))]),
  );
}

interface DerNode {
  tag: number;
  start: number;
  end: number;
}

function readNode(buf: Buffer, offset: number): DerNode {
  const tag = buf[offset]!;
  let length = buf[offset + 1]!;
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + buf[start + i]!;
    start += count;
  }
  if (start + length > buf.length) throw new Error('truncated DER');
  return { tag, start, end: start + length };
}

/** PKIStatus of a TimeStampResp (0 granted, 1 granted with modifications, ≥ 2 refused). */
export function timestampResponseStatus(response: Buffer): number {
  const outer = readNode(response, 0);
  const statusInfo = readNode(response, outer.start);
  const status = readNode(response, statusInfo.start);
  if (outer.tag !== 0x30 || statusInfo.tag !== 0x30 || status.tag !== 0x02) throw new Error('not a TimeStampResp');
  return response.readUIntBE(status.start, status.end - status.start);
}

/** genTime of the token: the first GeneralizedTime in it (TSTInfo's; certificates use UTCTime until 2050). */
export function timestampGenTime(response: Buffer): string | null {
  for (let i = 0; i < response.length - 17; i++) {
    if (response[i] !== 0x18) continue;
    const length = response[i + 1]!;
    if (length < 15 || length > 24) continue;
    const text = response.subarray(i + 2, i + 2 + length).toString('latin1');
    const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\.\d+)?Z$/.exec(text);
    if (m) return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7] ?? ''}Z`;
  }
  return null;
}

export class Rfc3161Authority implements TimestampAuthority {
  constructor(
    private readonly url: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async stamp(entryHash: string): Promise<TrustedTimestamp> {
    const request = timestampRequest(Buffer.from(entryHash, 'ascii'));
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
        body: request,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch {
      throw new AppError('unavailable', 'evidence_tsa_unreachable', 'The time-stamping authority did not answer.');
    }
    const body = Buffer.from(await response.arrayBuffer());
    let status: number;
    try {
      status = timestampResponseStatus(body);
    } catch {
      status = -1;
    }
    if (!response.ok || status < 0 || status > 1) {
      throw new AppError('unavailable', 'evidence_tsa_refused', 'The time-stamping authority refused the request.');
    }
    return { tsa: this.url, token: body.toString('base64'), genTime: timestampGenTime(body) ?? '' };
  }
}

/** Checks a token with `openssl ts -verify` against the TSA's CA (and, if needed, its certificate). */
export function verifyTimestampWithOpenssl(
  entryHash: string,
  timestamp: TrustedTimestamp,
  trust: { caFile: string; untrustedFile?: string },
): { ok: boolean; output: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'trag-ts-'));
  try {
    writeFileSync(path.join(dir, 'data'), entryHash, 'ascii');
    writeFileSync(path.join(dir, 'token.der'), Buffer.from(timestamp.token, 'base64'));
    const args = ['ts', '-verify', '-data', path.join(dir, 'data'), '-in', path.join(dir, 'token.der')];
    args.push('-CAfile', trust.caFile);
    if (trust.untrustedFile) args.push('-untrusted', trust.untrustedFile);
    const result = spawnSync('openssl', args, { encoding: 'utf8' });
    const output = `${result.stdout}${result.stderr}`;
    return { ok: result.status === 0 && /Verification: OK/.test(output), output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The TSA named by TRAG_TSA_URL, or none. */
export function timestampAuthorityFromEnv(env: NodeJS.ProcessEnv): TimestampAuthority | null {
  const url = env.TRAG_TSA_URL?.trim();
  return url ? new Rfc3161Authority(url) : null;
}
