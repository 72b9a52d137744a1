// The evidence API paths the UI calls, and the streaming upload (multipart, with progress).
import { apiUploadWithProgress } from '../../api/client';

const enc = encodeURIComponent;

export const evidenceApi = {
  caseEvidence: (caseId: string, query = '') => `/api/cases/${enc(caseId)}/evidence${query}`,
  item: (id: string) => `/api/evidence/${enc(id)}`,
  thumbnail: (id: string) => `/api/evidence/${enc(id)}/thumbnail`,
  content: (id: string, preview = false) => `/api/evidence/${enc(id)}/content${preview ? '?preview=true' : ''}`,
  messages: (id: string, offset = 0) => `/api/evidence/${enc(id)}/messages?limit=200&offset=${offset}`,
  custody: (id: string) => `/api/evidence/${enc(id)}/custody`,
  verify: (id: string) => `/api/evidence/${enc(id)}/verify`,
  capture: (caseId: string) => `/api/cases/${enc(caseId)}/evidence/capture`,
  exports: (caseId: string) => `/api/cases/${enc(caseId)}/evidence/exports`,
  exportDownload: (id: string) => `/api/evidence/exports/${enc(id)}`,
  signingKey: () => '/api/evidence/signing-key',
};

export interface UploadFields {
  description: string;
  legalBasis?: string;
  source?: string;
  location?: string;
  device?: string;
  import?: boolean;
}

/**
 * Sends one file as multipart/form-data, the fields before the file (the server reads them first and streams the
 * file straight to disk), with upload progress.
 */
export function uploadEvidence<T>(
  caseId: string,
  file: File,
  fields: UploadFields,
  onProgress: (fraction: number) => void,
): Promise<T> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === '' || value === false) continue;
    form.append(key, String(value));
  }
  form.append('file', file, file.name);
  return apiUploadWithProgress<T>(evidenceApi.caseEvidence(caseId), form, onProgress);
}

export function formatBytes(size: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = size;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}
