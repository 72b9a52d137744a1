// `trag evidence verify <bundle.zip> [--json]`: checks a court bundle offline — no server, no database.
// Exit 0 only if every item and ledger holds. With --json, prints one object:
//   {"ok":bool,"items":[{"exhibit":…,"sha256":…,"ok":bool,"problems":[{code,message,seq?}]}],"problems":[…],"bundle":{…}}
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { formatFingerprint, verifyBundle, type BundleReport } from '@trag/core/evidence';
import { action } from '../output';

export function renderBundleReport(report: BundleReport): string {
  const lines: string[] = [];
  const b = report.bundle;
  if (b.bundleId) {
    lines.push(`Bundle ${b.bundleId} — case ${b.caseReference ?? '?'} — created ${b.createdAt ?? '?'}`);
    if (b.signedBy) lines.push(`Signed by key ${formatFingerprint(b.signedBy)}`);
    if (b.synthetic) lines.push('SYNTHETIC demonstration material — not evidence.');
  }
  for (const item of report.items) {
    lines.push(`${item.ok ? 'OK  ' : 'FAIL'}  ${item.exhibit}  sha256 ${item.sha256}`);
    for (const p of item.problems) lines.push(`        - ${p.message} [${p.code}]`);
  }
  for (const p of report.problems) lines.push(`FAIL  bundle: ${p.message} [${p.code}]`);
  const failed = report.items.filter((i) => !i.ok).length;
  lines.push(
    report.ok
      ? `All ${report.items.length} item(s) and their custody ledgers hold.`
      : `NOT VERIFIED: ${failed} of ${report.items.length} item(s) failed${report.problems.length ? `, ${report.problems.length} bundle problem(s)` : ''}.`,
  );
  return lines.join('\n') + '\n';
}

export function registerEvidenceVerify(evidence: Command): void {
  evidence
    .command('verify')
    .description('Check a court bundle offline (no server, no database): originals, custody ledgers, signatures.')
    .argument('<bundle>', 'the bundle .zip file')
    .option('--json', 'print one JSON object {ok, items:[{exhibit, sha256, ok, problems}]}')
    .action(
      action(async (bundle: string, options: { json?: boolean }) => {
        const report: BundleReport = existsSync(bundle)
          ? await verifyBundle(bundle)
          : {
              ok: false,
              items: [],
              problems: [{ code: 'bundle_not_found', message: `There is no file ${bundle}.` }],
              bundle: { bundleId: null, caseReference: null, createdAt: null, signedBy: null, synthetic: false },
            };
        process.stdout.write(options.json ? JSON.stringify(report) + '\n' : renderBundleReport(report));
        return report.ok ? 0 : 1;
      }),
    );
}
