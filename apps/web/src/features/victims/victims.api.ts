// The victims API paths the UI calls, in one place.
const enc = encodeURIComponent;

export const victimsApi = {
  caseVictims: (caseId: string) => `/api/cases/${enc(caseId)}/victims`,
  victim: (id: string) => `/api/victims/${enc(id)}`,
  breakGlass: (id: string) => `/api/victims/${enc(id)}/break-glass`,
  groups: (id: string) => `/api/victims/${enc(id)}/groups`,
  status: (id: string) => `/api/victims/${enc(id)}/status`,
  accessLog: (id: string) => `/api/victims/${enc(id)}/access-log`,
  screenings: (id: string) => `/api/victims/${enc(id)}/screenings`,
  interviewPlans: (id: string) => `/api/victims/${enc(id)}/interview-plans`,
  consents: (id: string) => `/api/victims/${enc(id)}/consents`,
  referrals: (id: string) => `/api/victims/${enc(id)}/referrals`,
  referralState: (id: string) => `/api/victims/referrals/${enc(id)}/state`,
  referralLetter: (id: string) => `/api/victims/referrals/${enc(id)}/letter.pdf`,
  openReferrals: () => '/api/victims/referrals/open',
  alerts: () => '/api/victims/alerts',
  acknowledge: (id: string) => `/api/victims/alerts/${enc(id)}/acknowledge`,
  forms: () => '/api/victims/screening-forms',
  checklist: () => '/api/victims/interview-checklist',
  policy: () => '/api/victims/policy',
  statistics: (year: number) => `/api/victims/statistics/${year}`,
  statisticsCsv: (year: number) => `/api/victims/statistics/${year}/export.csv`,
  retentionDue: () => '/api/victims/retention/due',
  erase: (id: string) => `/api/victims/${enc(id)}/erase`,
  helplines: (country?: string) => `/api/victims/helplines${country ? `?country=${enc(country)}` : ''}`,
};

/** Mirrors the server policy only to show or hide controls; the server decides. */
export const VICTIM_UI_CAPS = {
  create: ['social_worker', 'investigator'],
  screen: ['social_worker', 'investigator'],
  interview: ['social_worker', 'investigator', 'prosecutor'],
  interviewRead: ['social_worker', 'investigator', 'prosecutor', 'supervisor'],
  consentWrite: ['social_worker'],
  consentRead: ['social_worker', 'investigator', 'prosecutor', 'supervisor'],
  refer: ['social_worker', 'supervisor'],
  accessLog: ['social_worker', 'supervisor'],
  breakGlass: ['investigator', 'prosecutor', 'supervisor'],
  statistics: ['supervisor', 'administrator', 'analyst'],
  retention: ['supervisor', 'administrator'],
} as const;

export function canDo(role: string, cap: keyof typeof VICTIM_UI_CAPS): boolean {
  return (VICTIM_UI_CAPS[cap] as readonly string[]).includes(role);
}
