// SCORM 1.2 package of one scenario in one language, for LMSs without LTI: imsmanifest.xml (ADL SCORM 1.2 CAM), a
// launch page that finds the LMS's SCORM API (window.API in a parent or opener frame), plays the compiled story with
// the inkjs runtime, and reports cmi.core.score.raw (0–100), cmi.core.lesson_status (passed/failed) and the choices
// as cmi.interactions. Scoring in the package is simpler than Trag's: points earned over the best path's points,
// and any critical violation fails (the rules' critical flags are embedded). Nothing personal is in the package.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import yazl from 'yazl';

export interface ScormInput {
  slug: string;
  version: number;
  title: string;
  language: string;
  /** The compiled story JSON (from the checker / the library). */
  storyJson: string;
  /** The rule ids whose negative score is a critical violation. */
  criticalRules: string[];
  /** The best path's total score (CheckResult languages[].maxScore). */
  maxScore: number;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function scormManifest(input: ScormInput): string {
  const id = `trag-${input.slug}-v${input.version}-${input.language}`.replace(/[^A-Za-z0-9-]/g, '-');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org-1">
    <organization identifier="org-1">
      <title>${xml(input.title)}</title>
      <item identifier="item-1" identifierref="res-1">
        <title>${xml(input.title)}</title>
        <adlcp:masteryscore>70</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res-1" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/>
      <file href="scorm-api.js"/>
      <file href="ink.js"/>
      <file href="story.js"/>
    </resource>
  </resources>
</manifest>
`;
}

/** The SCORM 1.2 API wrapper: find the API, initialise, set values, commit, finish. */
export const SCORM_API_WRAPPER = `// SCORM 1.2 API wrapper (runtime environment, RTE 3.1): searches parent frames and the opener for window.API.
var ScormApi = (function () {
  var api = null;
  function find(win) {
    var tries = 0;
    while (win && !win.API && win.parent && win.parent !== win && tries++ < 10) win = win.parent;
    return win && win.API ? win.API : null;
  }
  function get() {
    if (!api) api = find(window) || (window.opener ? find(window.opener) : null);
    return api;
  }
  return {
    init: function () { var a = get(); return a ? a.LMSInitialize('') === 'true' : false; },
    set: function (k, v) { var a = get(); return a ? a.LMSSetValue(k, String(v)) === 'true' : false; },
    commit: function () { var a = get(); return a ? a.LMSCommit('') === 'true' : false; },
    finish: function () { var a = get(); return a ? a.LMSFinish('') === 'true' : false; }
  };
})();
`;

function launchPage(input: ScormInput): string {
  return `<!doctype html>
<html lang="${xml(input.language)}">
<head><meta charset="utf-8"><title>${xml(input.title)}</title>
<script src="scorm-api.js"></script><script src="ink.js"></script><script src="story.js"></script></head>
<body>
<main><h1>${xml(input.title)}</h1><div id="text" aria-live="polite"></div><ol id="choices"></ol><p id="result"></p></main>
<script>
(function () {
  var story = new inkjs.Story(TRAG_STORY);
  var earned = 0, critical = false, n = 0;
  ScormApi.init();
  ScormApi.set('cmi.core.lesson_status', 'incomplete');
  function tag(tags, key) { for (var i = 0; i < (tags || []).length; i++) { var p = tags[i].split(':'); if (p[0].trim() === key) return p.slice(1).join(':').trim(); } return null; }
  function step() {
    var text = '';
    while (story.canContinue) text += story.Continue();
    var t = document.getElementById('text'); t.textContent = text;
    var list = document.getElementById('choices'); list.innerHTML = '';
    if (critical || story.currentChoices.length === 0) return finish();
    story.currentChoices.forEach(function (c) {
      var li = document.createElement('li'); var b = document.createElement('button');
      b.textContent = c.text;
      b.onclick = function () {
        var score = Number(tag(c.tags, 'score') || 0), rule = tag(c.tags, 'rule');
        if (score > 0) earned += score;
        if (score < 0 && rule && TRAG_CRITICAL.indexOf(rule) >= 0) critical = true;
        ScormApi.set('cmi.interactions.' + n + '.id', c.pathStringOnChoice.replace(/[^A-Za-z0-9_-]/g, '_'));
        ScormApi.set('cmi.interactions.' + n + '.type', 'choice');
        ScormApi.set('cmi.interactions.' + n + '.student_response', rule || '');
        ScormApi.set('cmi.interactions.' + n + '.result', score >= 0 ? 'correct' : 'wrong');
        n++;
        story.ChooseChoiceIndex(c.index); step();
      };
      li.appendChild(b); list.appendChild(li);
    });
  }
  function finish() {
    var raw = critical ? 0 : Math.max(0, Math.min(100, Math.round(100 * earned / TRAG_MAX_SCORE)));
    ScormApi.set('cmi.core.score.min', 0); ScormApi.set('cmi.core.score.max', 100); ScormApi.set('cmi.core.score.raw', raw);
    ScormApi.set('cmi.core.lesson_status', !critical && raw >= 70 ? 'passed' : 'failed');
    ScormApi.commit(); ScormApi.finish();
    document.getElementById('result').textContent = raw + ' / 100' + (critical ? ' — critical violation' : '');
  }
  step();
})();
</script>
</body>
</html>
`;
}

/** Builds the package (a zip) in memory. */
export function buildScormPackage(input: ScormInput): Promise<Buffer> {
  const require = createRequire(import.meta.url);
  // The UMD runtime beside the package entry (the package's exports map does not expose dist/ files).
  const inkRuntime = readFileSync(path.join(path.dirname(require.resolve('inkjs')), 'ink.js'));
  const zip = new yazl.ZipFile();
  const add = (name: string, content: string | Buffer) =>
    zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), name, {
      mtime: new Date('2026-01-01T00:00:00Z'),
    });
  add('imsmanifest.xml', scormManifest(input));
  add('index.html', launchPage(input));
  add('scorm-api.js', SCORM_API_WRAPPER);
  add('ink.js', inkRuntime);
  add(
    'story.js',
    `var TRAG_STORY = ${JSON.stringify(input.storyJson)};\nvar TRAG_CRITICAL = ${JSON.stringify(input.criticalRules)};\nvar TRAG_MAX_SCORE = ${Math.max(1, input.maxScore)};\n`,
  );
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}
