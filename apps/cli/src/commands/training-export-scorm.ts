// `trag training export-scorm <scenario> <out.zip> --language <lang>`: a SCORM 1.2 package for LMSs without LTI,
// built from a scenario folder (or a shipped scenario's name) after the full check passes. No server needed.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { buildScormPackage, loadRulesCatalogue, SHIPPED_SCENARIOS_DIR } from '@trag/core/training';
import { invalid } from '@trag/core/shared';
import { action } from '../output';
import { formatFinding, loadSources, runCheck } from './training-check';

export function registerTrainingExportScorm(group: Command): void {
  group
    .command('export-scorm')
    .argument('<scenario>', 'a scenario folder, or the name of a shipped scenario (e.g. labour-exploitation-interview)')
    .argument('<out>', 'the .zip file to write')
    .description('Export a checked scenario in one language as a SCORM 1.2 package.')
    .option('-l, --language <lang>', 'the language of the package', 'en')
    .action(
      action(async (scenario: string, out: string, options: { language: string }) => {
        const dir = existsSync(scenario) ? scenario : path.join(SHIPPED_SCENARIOS_DIR, scenario);
        const loaded = loadSources(dir);
        if (!loaded.meta) throw invalid('training_meta_missing', `${dir} has no scenario.yaml (id, version, title).`);
        const result = runCheck(loaded);
        if (!result.ok) {
          for (const f of result.findings) process.stderr.write(`${formatFinding(f, result, loaded)}\n`);
          throw invalid('training_scenario_check_failed', 'The scenario did not pass the checks; nothing exported.');
        }
        const report = result.languages.find((l) => l.language === options.language);
        if (!report?.json) {
          throw invalid('training_language_unavailable', `This scenario has no "${options.language}" version.`);
        }
        const catalogue = loadRulesCatalogue();
        const zip = await buildScormPackage({
          slug: loaded.meta.id,
          version: loaded.meta.version,
          title: loaded.meta.title,
          language: options.language,
          storyJson: report.json,
          criticalRules: [...catalogue.rules.values()].filter((r) => r.critical).map((r) => r.id),
          // The checker explored every path of this language: its highest total is the package's maximum.
          maxScore: report.maxScore ?? 1,
        });
        await writeFile(out, zip);
        console.log(
          `${out}: SCORM 1.2 package of ${loaded.meta.id} v${loaded.meta.version} (${options.language}), ${zip.length} bytes`,
        );
      }),
    );
}
