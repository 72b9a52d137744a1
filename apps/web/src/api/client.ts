// The web app's typed API client: same-origin fetch with the session cookie and the CSRF header on writes.
/** Dispatched on window when the API answers 401: the session has ended. */
export const SESSION_ENDED_EVENT = 'trag:session-ended';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The CSRF token the server set in its cookie, to be sent back in the X-CSRF-Token header on writes. */
export function csrfToken(): string | undefined {
  const raw = document.cookie
    .split('; ')
    .find((c) => c.startsWith('trag_csrf='))
    ?.slice('trag_csrf='.length);
  return raw ? decodeURIComponent(raw) : undefined;
}

/** The ApiError for a failed response, from the `{ error: { code, message, details } }` body the API sends. */
export function apiErrorOf(status: number, statusText: string, data: unknown): ApiError {
  const error = (data as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null)
    ?.error;
  return new ApiError(status, error?.code ?? 'http_error', error?.message ?? statusText, error?.details ?? {});
}

/** JSON in (when a body is given), JSON out; a raw Blob body is sent as application/octet-stream. */
async function send<T>(method: string, path: string, body: unknown, contentType: string | null): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (contentType) headers['Content-Type'] = contentType;
  const token = csrfToken();
  if (method !== 'GET' && token) headers['X-CSRF-Token'] = token;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : body instanceof Blob ? body : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    // A session that ended (expiry, sign-out elsewhere, account disabled) sends the UI back to the login page.
    if (response.status === 401 && !path.startsWith('/api/auth/login')) {
      window.dispatchEvent(new CustomEvent(SESSION_ENDED_EVENT));
    }
    throw apiErrorOf(response.status, response.statusText, data);
  }
  return data as T;
}

export function apiRequest<T>(method: string, path: string, body?: unknown): Promise<T> {
  return send<T>(method, path, body, body === undefined ? null : 'application/json');
}

/** POSTs a file's bytes as the request body (raw blocks, package files), not as JSON. */
export function apiUpload<T>(path: string, file: Blob): Promise<T> {
  return send<T>('POST', path, file, 'application/octet-stream');
}

/**
 * POSTs a file with upload progress (XMLHttpRequest: fetch reports none). A Blob goes as the raw body
 * (application/octet-stream); a FormData as multipart, the browser setting its boundary.
 */
export function apiUploadWithProgress<T>(
  path: string,
  body: Blob | FormData,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    if (body instanceof Blob) xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    const token = csrfToken();
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network'));
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      if (xhr.status === 401) window.dispatchEvent(new CustomEvent(SESSION_ENDED_EVENT));
      reject(apiErrorOf(xhr.status, xhr.statusText, data));
    };
    xhr.send(body);
  });
}

export const apiGet = <T>(path: string) => apiRequest<T>('GET', path);
export const apiPost = <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, body ?? {});
export const apiPatch = <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, body);
export const apiDelete = <T>(path: string) => apiRequest<T>('DELETE', path);
