import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { ageDecryptStream, ageEncryptStream } from './age-stream';

const dir = mkdtempSync(path.join(tmpdir(), 'trag-age-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(stream: NodeJS.ReadWriteStream, input: Buffer): Promise<Buffer> {
  const chunks: Buffer[] = [];
  // Feed in odd-sized pieces to exercise chunk boundaries.
  const pieces: Buffer[] = [];
  for (let i = 0; i < input.length; i += 7919) pieces.push(input.subarray(i, i + 7919));
  for await (const c of Readable.from(pieces).pipe(stream as unknown as NodeJS.WritableStream & AsyncIterable<Buffer>))
    chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const hasAge = (() => {
  try {
    execFileSync('which', ['age']);
    return true;
  } catch {
    return false;
  }
})();

describe('age stream (native ChaCha20-Poly1305)', () => {
  it('round-trips payloads across chunk boundaries, for each of several recipients', async () => {
    const ids = [await generateX25519Identity(), await generateX25519Identity()];
    const recipients = await Promise.all(ids.map((i) => identityToRecipient(i)));
    for (const size of [0, 1, 65535, 65536, 65537, 200_000]) {
      const plain = randomBytes(size);
      const sealed = await run(ageEncryptStream(recipients), plain);
      for (const id of ids) expect((await run(ageDecryptStream(id), sealed)).equals(plain)).toBe(true);
    }
  });

  it('fails on a flipped byte, a cut-off end and a stranger’s key', async () => {
    const id = await generateX25519Identity();
    const sealed = await run(ageEncryptStream([await identityToRecipient(id)]), randomBytes(150_000));
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 5000] = flipped[flipped.length - 5000]! ^ 1;
    await expect(run(ageDecryptStream(id), flipped)).rejects.toThrow(/authentication failed/);
    await expect(run(ageDecryptStream(id), sealed.subarray(0, sealed.length - 20_000))).rejects.toThrow();
    await expect(run(ageDecryptStream(await generateX25519Identity()), sealed)).rejects.toThrow(/no identity matched/);
  });

  it.skipIf(!hasAge)('interoperates with the age CLI in both directions', async () => {
    const id = await generateX25519Identity();
    const recipient = await identityToRecipient(id);
    const idFile = path.join(dir, 'id.age');
    writeFileSync(idFile, `${id}\n`, { mode: 0o600 });
    const plain = randomBytes(140_000);
    const ours = path.join(dir, 'ours.age');
    writeFileSync(ours, await run(ageEncryptStream([recipient]), plain));
    expect(execFileSync('age', ['-d', '-i', idFile, ours]).equals(plain)).toBe(true);
    const plainFile = path.join(dir, 'plain.bin');
    writeFileSync(plainFile, plain);
    const theirs = path.join(dir, 'theirs.age');
    execFileSync('age', ['-r', recipient, '-o', theirs, plainFile]);
    expect((await run(ageDecryptStream(id), readFileSync(theirs))).equals(plain)).toBe(true);
  });
});
