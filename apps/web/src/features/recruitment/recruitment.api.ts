// API paths of the recruitment domain, for the case tab.
export const recruitmentApi = {
  /** The case's evidence (web captures and saved pages can be imported from it). */
  caseEvidence: (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}/evidence?includeAttachments=true`,
  /** The file as the raw body; format, mode, encoding and columns in the query. */
  importUpload: (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}/recruitment/import-jobs/upload`,
  importJobsFromEvidence: (caseId: string) =>
    `/api/cases/${encodeURIComponent(caseId)}/recruitment/import-jobs/from-evidence`,
  items: (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}/recruitment/items?limit=200`,
  item: (itemId: string) => `/api/recruitment/items/${encodeURIComponent(itemId)}`,
  mark: (itemId: string) => `/api/recruitment/items/${encodeURIComponent(itemId)}/mark`,
  network: (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}/recruitment/network`,
  networkExport: (caseId: string, format: 'graphml' | 'csv' | 'ftm') =>
    `/api/cases/${encodeURIComponent(caseId)}/recruitment/network/export?format=${format}`,
  templates: (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}/recruitment/templates`,
  entities: (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}/recruitment/entities`,
};
