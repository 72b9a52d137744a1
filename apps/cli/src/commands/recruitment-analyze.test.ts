import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/trag.js', import.meta.url));
const run = (args: string[], input: string) => spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8' });

describe('trag recruitment analyze / templates (stable interfaces)', () => {
  it('prints one line per item with the documented fields and reports bad lines by number', () => {
    const text = 'Hitno! Rad u Austriji, bez iskustva, besplatan smještaj. Viber +381 64 123 4567';
    const input = `${JSON.stringify({ id: 'a', text })}\nnot json\n`;
    const result = run(['recruitment', 'analyze', '--json'], input);
    expect(result.stderr).toContain('line 2: not valid JSON');
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(Object.keys(line)).toEqual(['id', 'language', 'identifiers', 'indicators', 'score', 'flagged', 'reasons']);
    const phone = (line.identifiers as Array<{ type: string; value: string; start: number; end: number }>).find(
      (i) => i.type === 'phone',
    )!;
    expect(phone.value).toBe('+381641234567');
    expect(text.slice(phone.start, phone.end)).toBe('+381 64 123 4567');
    expect(line.flagged).toBe(true);
  });

  it('prints template clusters of two or more items', () => {
    const ad = (city: string) =>
      `Tražimo djevojke za rad u noćnom klubu u ${city}, smještaj i prevoz obezbijeđeni, javite se odmah na Viber.`;
    const input = [
      JSON.stringify({ id: '1', text: ad('Beču') }),
      JSON.stringify({ id: '2', text: ad('Gracu') }),
      JSON.stringify({ id: '3', text: 'Prodajem polovan bicikl, malo korišten, cijena 100 KM, Tuzla.' }),
    ].join('\n');
    const result = run(['recruitment', 'templates', '--json'], input);
    const clusters = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { ids: string[]; slots: unknown[] });
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.ids).toEqual(['1', '2']);
    expect(clusters[0]!.slots.length).toBeGreaterThan(0);
  });
});
