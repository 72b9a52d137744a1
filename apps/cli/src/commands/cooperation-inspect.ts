// `trag cooperation inspect <package.zip> [--card sender-card.json] [--identity recipient.age] [--json]`
// Offline, no server or database: shows a package's envelope (sender, recipients, handling code, grading, purpose,
// legal basis, expiry); with the sender's partner card, checks the signature and the payload hash; with the
// recipient's age identity file as well, decrypts and checks the signed manifest and every evidence file's hash.
// Exit 0 only if every check that could be made held.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import {
  openPackage,
  parsePartnerCard,
  readableFingerprint,
  readEnvelope,
  verifyPackage,
  type CooperationIdentity,
} from '@trag/core/cooperation';
import { isAppError } from '@trag/core/shared';
import { action } from '../output';

interface InspectReport {
  ok: boolean;
  envelope: unknown;
  checks: Array<{ check: string; ok: boolean; problem: string | null }>;
}

export function registerCooperationInspect(group: Command): void {
  group
    .command('inspect')
    .description('Show a cooperation package and check it offline (signature, payload, manifest, evidence hashes).')
    .argument('<package>', 'the package .zip file')
    .option('--card <file>', "the sender's partner card (JSON) to check the signature against")
    .option('--identity <file>', "the recipient's age identity file (AGE-SECRET-KEY-1…) to decrypt and check contents")
    .option('--json', 'print one JSON object {ok, envelope, checks}')
    .action(
      action(async (file: string, options: { card?: string; identity?: string; json?: boolean }) => {
        const report: InspectReport = { ok: true, envelope: null, checks: [] };
        const fail = (check: string, error: unknown) => {
          report.ok = false;
          report.checks.push({ check, ok: false, problem: isAppError(error) ? error.code : String(error) });
        };
        try {
          const read = await readEnvelope(file);
          report.envelope = read.envelope;
          report.checks.push({ check: 'readable', ok: true, problem: null });
          if (options.card) {
            const card = parsePartnerCard(JSON.parse(await fs.readFile(options.card, 'utf8')));
            let identity: CooperationIdentity = {
              fingerprint: read.envelope.recipients[0] ?? '',
            } as CooperationIdentity;
            if (options.identity) {
              const ageIdentity = (await fs.readFile(options.identity, 'utf8')).trim();
              identity = { ...identity, ageIdentity };
            }
            try {
              const verified = await verifyPackage(file, {
                identity,
                partner: async (fp) =>
                  fp === card.fingerprint ? { signingKey: card.signingKey, trusted: true } : null,
                seen: async () => false,
                now: new Date(),
              });
              report.checks.push({ check: 'signature, payload hash, expiry', ok: true, problem: null });
              if (options.identity) {
                const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'trag-inspect-'));
                try {
                  const opened = await openPackage(file, verified, identity, tmp);
                  report.checks.push({
                    check: `manifest signature and ${opened.manifest.evidence.length} evidence hash(es)`,
                    ok: true,
                    problem: null,
                  });
                  await opened.close();
                } finally {
                  await fs.rm(tmp, { recursive: true, force: true });
                }
              }
            } catch (error) {
              fail('verification', error);
            }
          }
        } catch (error) {
          fail('readable', error);
        }
        if (options.json) {
          process.stdout.write(JSON.stringify(report) + '\n');
        } else {
          const e = report.envelope as {
            packageId: string;
            sender: { agencyName: string; country: string; fingerprint: string };
            recipients: string[];
            handling: { code: string; restrictions: string };
            grading: { source: string; information: number };
            purpose: string;
            legalBasis: string;
            created: string;
            expires: string;
          } | null;
          if (e) {
            process.stdout.write(
              [
                `Package ${e.packageId}`,
                `From        ${e.sender.agencyName} (${e.sender.country})  ${readableFingerprint(e.sender.fingerprint)}`,
                `To          ${e.recipients.map(readableFingerprint).join('\n            ')}`,
                `Handling    ${e.handling.code}${e.handling.restrictions ? ` — ${e.handling.restrictions}` : ''}`,
                `Grading     ${e.grading.source}${e.grading.information}`,
                `Purpose     ${e.purpose}`,
                `Legal basis ${e.legalBasis}`,
                `Created     ${e.created}   expires ${e.expires}`,
                '',
              ].join('\n'),
            );
          }
          for (const c of report.checks) {
            process.stdout.write(`${c.ok ? 'OK  ' : 'FAIL'}  ${c.check}${c.problem ? ` [${c.problem}]` : ''}\n`);
          }
          if (!options.card) process.stdout.write('(give --card to check the signature)\n');
        }
        return report.ok ? 0 : 1;
      }),
    );
}
