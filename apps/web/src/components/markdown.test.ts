import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './markdown';

describe('parseMarkdown', () => {
  it('keeps raw HTML as visible text instead of markup', () => {
    const blocks = parseMarkdown('<img src=x onerror=alert(1)> **bold**');
    expect(blocks).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: '<img src=x onerror=alert(1)> ' },
          { type: 'strong', children: [{ type: 'text', text: 'bold' }] },
        ],
      },
    ]);
  });

  it('drops javascript: links but keeps their text', () => {
    const nodes = parseInline('[click](javascript:alert(1)) [x](data:text/html,hi)');
    expect(nodes.some((n) => n.type === 'link')).toBe(false);
    expect(nodes[0]).toEqual({ type: 'text', text: 'click' });
    expect(parseInline('[site](https://example.org/a)')).toEqual([
      { type: 'link', href: 'https://example.org/a', children: [{ type: 'text', text: 'site' }] },
    ]);
  });

  it('parses headings, lists, quotes and code blocks', () => {
    const blocks = parseMarkdown('## Facts\n- one\n- two\n\n1. first\n\n> quoted\n\n```\n<b>x</b>\n```');
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'list', 'list', 'quote', 'code']);
    expect(blocks[1]).toMatchObject({ ordered: false, items: [[{ text: 'one' }], [{ text: 'two' }]] });
    expect(blocks[2]).toMatchObject({ ordered: true });
    expect(blocks[4]).toEqual({ type: 'code', text: '<b>x</b>' });
  });

  it('does not treat snake_case words as emphasis', () => {
    expect(parseInline('case_id and other_field')).toEqual([{ type: 'text', text: 'case_id and other_field' }]);
  });
});
