// API paths of the crypto domain, for the case tab.
const c = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}/crypto`;
export const cryptoApi = {
  imports: (caseId: string) => `${c(caseId)}/imports`,
  trace: (caseId: string) => `${c(caseId)}/trace`,
  traces: (caseId: string) => `${c(caseId)}/traces`,
  verify: (caseId: string, id: string) => `${c(caseId)}/traces/${encodeURIComponent(id)}/verify`,
  savedTrace: (caseId: string, id: string) => `${c(caseId)}/traces/${encodeURIComponent(id)}`,
  export: (caseId: string, id: string, format: string) =>
    `${c(caseId)}/traces/${encodeURIComponent(id)}/export?format=${encodeURIComponent(format)}`,
  wallets: (caseId: string) => `${c(caseId)}/wallets`,
  connectors: () => '/api/crypto/connectors',
  cluster: (caseId: string) => `${c(caseId)}/cluster`,
  fetch: (caseId: string) => `${c(caseId)}/fetch`,
  blocks: (caseId: string, fileName: string, watch: 'wallets' | 'all') =>
    `${c(caseId)}/blocks?fileName=${encodeURIComponent(fileName)}&watch=${watch}`,
};
