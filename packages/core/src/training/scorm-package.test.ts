import { runInNewContext } from 'node:vm';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { loadRulesCatalogue } from './rules-catalogue';
import { checkScenario } from './scenario-checker';
import { loadShippedScenarios } from './scenario-library';
import { buildScormPackage } from './scorm-package';

function unzip(buffer: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const files = new Map<string, string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.readEntry();
    });
  });
}

describe('SCORM 1.2 package', () => {
  const catalogue = loadRulesCatalogue();
  const flagship = loadShippedScenarios().find((s) => s.meta.id === 'child-victim-guardian')!;
  const check = checkScenario({ en: flagship.sources.en! }, catalogue);
  const input = {
    slug: flagship.meta.id,
    version: 1,
    title: flagship.meta.title.en!,
    language: 'en',
    storyJson: check.languages[0]!.json!,
    criticalRules: [...catalogue.rules.values()].filter((r) => r.critical).map((r) => r.id),
    maxScore: check.languages[0]!.maxScore!,
  };

  it('holds a SCORM 1.2 manifest, the launch page, the API wrapper, the ink runtime and the story', async () => {
    const files = await unzip(await buildScormPackage(input));
    expect([...files.keys()].sort()).toEqual(['imsmanifest.xml', 'index.html', 'ink.js', 'scorm-api.js', 'story.js']);
    const manifest = files.get('imsmanifest.xml')!;
    expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
    expect(manifest).toContain('adlcp:scormtype="sco" href="index.html"');
    expect(manifest).toContain('<title>A child victim with a guardian</title>');
  });

  it('plays the story in the launch page and reports score and status through the LMS API', async () => {
    const files = await unzip(await buildScormPackage(input));
    const values: Record<string, string> = {};
    const calls: string[] = [];
    const API = {
      LMSInitialize: () => (calls.push('init'), 'true'),
      LMSSetValue: (k: string, v: string) => ((values[k] = v), 'true'),
      LMSCommit: () => (calls.push('commit'), 'true'),
      LMSFinish: () => (calls.push('finish'), 'true'),
    };
    interface El {
      textContent: string;
      innerHTML: string;
      children: El[];
      onclick?: () => void;
      appendChild(c: El): void;
    }
    const el = (): El => {
      const e: El = {
        textContent: '',
        children: [],
        appendChild: (c) => e.children.push(c),
        get innerHTML() {
          return '';
        },
        set innerHTML(_: string) {
          e.children = [];
        },
      };
      return e;
    };
    const elements: Record<string, El> = { text: el(), choices: el(), result: el() };
    const document = { getElementById: (id: string) => elements[id], createElement: () => el() };
    const window: Record<string, unknown> = { API };
    window.parent = window;
    const context: Record<string, unknown> = { window, document, self: window, globalThis: undefined };
    context.globalThis = context;
    runInNewContext(files.get('scorm-api.js')!, context);
    runInNewContext(files.get('ink.js')!, context);
    runInNewContext(files.get('story.js')!, context);
    const script = /<script>\n([\s\S]*)<\/script>\n<\/body>/.exec(files.get('index.html')!)![1]!;
    runInNewContext(script, context);
    for (let i = 0; i < 20 && elements.choices!.children.length > 0; i++)
      elements.choices!.children[0]!.children[0]!.onclick!();
    expect(calls).toEqual(['init', 'commit', 'finish']);
    expect(values['cmi.core.lesson_status']).toBe('passed');
    expect(values['cmi.core.score.raw']).toBe('100');
    expect(values['cmi.interactions.0.student_response']).toBe('R21');
  });
});
