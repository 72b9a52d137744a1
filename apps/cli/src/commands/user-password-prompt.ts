// Reads a new password without echoing it (terminal), or one line from standard input (scripts: echo … | trag …).
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

async function readHidden(question: string): Promise<string> {
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  process.stderr.write(question);
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

async function readLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin });
  try {
    for await (const line of rl) return line;
    return '';
  } finally {
    rl.close();
  }
}

export async function promptNewPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readLine();
  const first = await readHidden('Password (at least 12 characters): ');
  const second = await readHidden('Repeat the password: ');
  if (first !== second) throw new Error('The two passwords differ. Run the command again.');
  return first;
}
