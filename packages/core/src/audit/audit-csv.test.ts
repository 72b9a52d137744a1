import { describe, expect, it } from 'vitest';
import { auditCsvRow, csvCell, csvRow } from './audit-csv';

describe('audit CSV', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1 555', "'+1 555"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
  ])('neutralises the formula-starting cell %j', (raw, expected) => {
    expect(csvCell(raw)).toBe(expected);
  });

  it('quotes commas, quotes and line breaks, and leaves plain text alone', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(csvCell('case.read')).toBe('case.read');
    expect(csvCell(null)).toBe('');
  });

  it('does not prefix numbers, so negative sequence numbers stay numbers', () => {
    expect(csvCell(-1)).toBe('-1');
    expect(csvRow([1, 'x'])).toBe('1,x\r\n');
  });

  it('writes details as canonical JSON inside one quoted cell', () => {
    const row = auditCsvRow({
      seq: 7,
      id: 'id-7',
      at: '2026-11-30T10:00:00.000Z',
      actorUserId: 'u1',
      actorUsername: '=evil',
      actorAgencyId: 'a1',
      ip: null,
      action: 'case.update',
      recordType: 'case',
      recordId: 'c1',
      caseId: 'c1',
      details: { fields: ['title', 'status'] },
      prevHash: 'p',
      hash: 'h',
    });
    expect(row).toBe(
      `7,id-7,2026-11-30T10:00:00.000Z,u1,'=evil,a1,,case.update,case,c1,c1,"{""fields"":[""title"",""status""]}",p,h\r\n`,
    );
  });
});
