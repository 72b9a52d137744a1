// Helplines shown to people who need help come ONLY from ./data/helplines.json, a copy of
// /work/shared/data/helplines/helplines.json with each entry's public source page. Only verified entries are shown.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Helpline {
  country: string;
  name: string;
  phone: string;
  verified: boolean;
  source: string;
}

interface HelplineFile {
  about: string;
  read_on: string;
  entries: Helpline[];
}

const FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'helplines.json');

export function loadHelplines(file = FILE): HelplineFile {
  return JSON.parse(readFileSync(file, 'utf8')) as HelplineFile;
}

/** Verified helplines, optionally for one country (ISO 3166-1 alpha-2), each with its source and reading date. */
export function verifiedHelplines(country?: string, file = FILE): (Helpline & { readOn: string })[] {
  const data = loadHelplines(file);
  return data.entries
    .filter((e) => e.verified === true && (country === undefined || e.country === country))
    .map((e) => ({ ...e, readOn: data.read_on }));
}
