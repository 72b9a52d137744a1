// API paths of the crypto domain, for the case tab.
import { ApiError } from '../../api/client';
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

/** Sends a file's bytes as the request body (raw blocks are binary; the JSON client sends text only). */
export async function postBytes<T>(path: string, file: Blob): Promise<T> {
  const token = document.cookie
    .split('; ')
    .find((x) => x.startsWith('trag_csrf='))
    ?.slice('trag_csrf='.length);
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/octet-stream',
      ...(token ? { 'X-CSRF-Token': decodeURIComponent(token) } : {}),
    },
    body: file,
  });
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null)
      ?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'http_error',
      error?.message ?? response.statusText,
      error?.details,
    );
  }
  return data as T;
}
