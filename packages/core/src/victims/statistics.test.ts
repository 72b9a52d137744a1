import { describe, expect, it } from 'vitest';
import { aggregate, cellsToCsv, type StatRecord } from './statistics';

const rec = (v: Partial<StatRecord> = {}): StatRecord => ({
  gender: 'Female',
  ageBand: '18-24',
  nationality: 'RS',
  exploitationTypes: ['labour'],
  recruitmentMethod: 'Internet',
  status: 'identified',
  ...v,
});

describe('k-anonymised aggregates', () => {
  it('never publishes a cell below k', () => {
    const records = [
      ...Array.from({ length: 12 }, () => rec()),
      ...Array.from({ length: 3 }, () => rec({ nationality: 'AL', gender: 'Male' })),
    ];
    const cells = aggregate(records, 5);
    for (const c of cells) if (c.count !== null) expect(c.count).toBeGreaterThanOrEqual(5);
    expect(cells.find((c) => c.dimension === 'nationality' && c.value === 'AL')).toMatchObject({
      count: null,
      suppressed: 'below_k',
    });
  });

  it('suppresses a second cell when one suppressed cell could be recovered from the total', () => {
    const records = [
      ...Array.from({ length: 10 }, () => rec({ nationality: 'RS' })),
      ...Array.from({ length: 6 }, () => rec({ nationality: 'BA' })),
      ...Array.from({ length: 2 }, () => rec({ nationality: 'AL' })),
    ];
    const nat = aggregate(records, 5).filter((c) => c.dimension === 'nationality');
    expect(nat.find((c) => c.value === 'BA')).toMatchObject({ count: null, suppressed: 'secondary' });
    expect(nat.find((c) => c.value === 'RS')!.count).toBe(10);
  });

  it('publishes nothing but a suppressed total below k', () => {
    expect(aggregate([rec(), rec()], 5)).toEqual([
      { dimension: 'total', value: 'all', count: null, suppressed: 'below_k' },
    ]);
  });

  it('writes the CSV with HTCDS field names and "<k" for suppressed cells', () => {
    const csv = cellsToCsv(2025, 5, aggregate([...Array.from({ length: 6 }, () => rec()), rec({ gender: 'Male' })], 5));
    expect(csv.split('\n')[0]).toBe('registrationYear,field,value,count');
    expect(csv).toContain('2025,prs_Gender,Male,<5');
    expect(csv).toContain('2025,total,all,7');
  });
});
