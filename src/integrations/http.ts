import { PermanentError, TransientError } from '../jobs/errors.ts';

// Outbound requests to the recorders' APIs. Failures are sorted for the job queue: what may pass
// (network errors, timeouts, 408/425/429, 5xx) is a TransientError and retried with backoff; what
// will not (bad credentials, unknown ids) is a PermanentError. Messages never carry a URL's query
// string, where download tokens live.

export const REQUEST_TIMEOUT_MS = 30_000;

/** A URL without its query and fragment, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(invalid url)';
  }
}

const RETRYABLE = new Set([408, 425, 429]);

export async function request(url: string, init: RequestInit, what: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, redirect: 'follow', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new TransientError(`${what}: request to ${redactUrl(url)} failed: ${reason}`);
  }
  if (res.ok) return res;
  const detail = await res.text().then((t) => t.replace(/\s+/g, ' ').slice(0, 200), () => '');
  const message = `${what}: ${redactUrl(url)} answered ${res.status}${detail ? `: ${detail}` : ''}`;
  const err = res.status >= 500 || RETRYABLE.has(res.status) ? new TransientError(message) : new PermanentError(message);
  throw Object.assign(err, { status: res.status });
}

/** The HTTP status a request failed with, if it got an answer. */
export function httpStatusOf(err: unknown): number | null {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : null;
}

export async function requestJson<T = unknown>(url: string, init: RequestInit, what: string): Promise<T> {
  const res = await request(url, init, what);
  const text = await res.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new TransientError(`${what}: ${redactUrl(url)} answered with a body that is not JSON`);
  }
}

export async function requestText(url: string, init: RequestInit, what: string): Promise<{ text: string; contentType: string }> {
  const res = await request(url, init, what);
  return { text: await res.text(), contentType: res.headers.get('content-type') ?? 'application/octet-stream' };
}

export const basicAuth = (user: string, password: string) => `Basic ${btoa(`${user}:${password}`)}`;

/** Joins a base URL and a path, whichever of them carries the slash. */
export const joinUrl = (base: string, path: string) => `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;

/**
 * Whether an outbound URL may be called: https on one of `domains` (or a subdomain), or any URL
 * on the origin of one of the configured base URLs (which may be http, e.g. a local fake in tests).
 */
export function allowedUrl(url: string, domains: string[], configuredBases: string[]): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  for (const base of configuredBases) {
    try {
      if (new URL(base).origin === u.origin) return true;
    } catch {
      // a bad base URL allows nothing
    }
  }
  if (u.protocol !== 'https:') return false;
  const host = u.hostname.toLowerCase();
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
}
