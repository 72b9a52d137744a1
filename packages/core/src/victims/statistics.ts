// k-anonymised aggregates, pure. Every published cell counts at least k people; smaller cells are suppressed,
// and when a table would otherwise let a suppressed cell be recovered by subtraction (total minus the published
// cells), the next-smallest cell is suppressed too (secondary suppression).
export const STAT_DIMENSIONS = [
  'gender',
  'ageBand',
  'nationality',
  'exploitationType',
  'recruitmentMethod',
  'status',
] as const;
export type StatDimension = (typeof STAT_DIMENSIONS)[number];

/** Column names of the CSV export: HTCDS field names where the standard has one. */
export const DIMENSION_FIELD: Record<StatDimension, string> = {
  gender: 'prs_Gender',
  ageBand: 'ageBand',
  nationality: 'prs_Nationality',
  exploitationType: 'typeOfExploitation',
  recruitmentMethod: 'vic_MethodOfRecruitment',
  status: 'identificationStatus',
};

export interface StatRecord {
  gender: string;
  ageBand: string;
  nationality: string;
  exploitationTypes: string[];
  recruitmentMethod: string;
  status: string;
}

export interface StatCell {
  dimension: StatDimension | 'total';
  value: string;
  /** null = suppressed (fewer than k, or secondary suppression). */
  count: number | null;
  /** Why a cell is suppressed: "below_k" | "secondary". */
  suppressed?: 'below_k' | 'secondary';
}

export function aggregate(records: StatRecord[], k: number): StatCell[] {
  if (!Number.isInteger(k) || k < 2) throw new Error('k must be a whole number ≥ 2');
  const total = records.length;
  if (total < k) return [{ dimension: 'total', value: 'all', count: null, suppressed: 'below_k' }];
  const cells: StatCell[] = [{ dimension: 'total', value: 'all', count: total }];
  for (const dimension of STAT_DIMENSIONS) {
    const counts = new Map<string, number>();
    for (const r of records) {
      const values =
        dimension === 'exploitationType'
          ? r.exploitationTypes.length > 0
            ? r.exploitationTypes
            : ['unknown']
          : [r[dimension]];
      for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const table: StatCell[] = [...counts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([value, count]) =>
        count < k ? { dimension, value, count: null, suppressed: 'below_k' as const } : { dimension, value, count },
      );
    // Single-valued dimensions partition the total: one suppressed cell could be recovered by subtraction.
    if (dimension !== 'exploitationType') {
      const suppressed = table.filter((c) => c.count === null);
      if (suppressed.length === 1) {
        const next = table.filter((c) => c.count !== null).sort((a, b) => a.count! - b.count!)[0];
        if (next) {
          next.count = null;
          next.suppressed = 'secondary';
        }
      }
    }
    cells.push(...table);
  }
  return cells;
}

export function cellsToCsv(year: number, k: number, cells: StatCell[]): string {
  const lines = ['registrationYear,field,value,count'];
  for (const c of cells) {
    const field = c.dimension === 'total' ? 'total' : DIMENSION_FIELD[c.dimension];
    lines.push([String(year), field, csvText(c.value), c.count === null ? `<${k}` : String(c.count)].join(','));
  }
  return lines.join('\n') + '\n';
}

function csvText(value: string): string {
  // Also neutralises spreadsheet formulas.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
