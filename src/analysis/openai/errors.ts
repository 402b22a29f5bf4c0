import OpenAI from 'openai';

/**
 * Why a model extraction failed, and whether trying again later can help. The job layer maps
 * `transient` to a retry with backoff and everything else to a permanent failure; either way the
 * call stays stored with its status and this message as the reason.
 */
export type ExtractionFailure =
  | 'refusal'
  | 'truncated'
  | 'content_filter'
  | 'invalid_output'
  | 'rate_limited'
  | 'quota'
  | 'server_error'
  | 'timeout'
  | 'connection'
  | 'bad_request'
  | 'auth'
  | 'not_found';

const TRANSIENT: ReadonlySet<ExtractionFailure> = new Set(['rate_limited', 'server_error', 'timeout', 'connection']);

export class ExtractionError extends Error {
  override name = 'ExtractionError';
  readonly transient: boolean;
  constructor(
    readonly failure: ExtractionFailure,
    message: string,
  ) {
    super(`openai extraction failed (${failure}): ${message}`);
    this.transient = TRANSIENT.has(failure);
  }
}

const short = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}...` : s);

/**
 * An error of the openai SDK (after its own retries) as an ExtractionError: 429, 5xx, 408/409,
 * timeouts and dropped connections are transient; 429 for exhausted quota, 400, 401, 403, 404 and
 * 422 are not (retrying the same request cannot help).
 */
export function fromSdkError(err: unknown, timeoutMs: number): ExtractionError | null {
  if (err instanceof ExtractionError) return err;
  if (err instanceof OpenAI.APIConnectionTimeoutError) return new ExtractionError('timeout', `no answer within ${timeoutMs} ms (after retries)`);
  if (err instanceof OpenAI.APIUserAbortError) return new ExtractionError('connection', 'request aborted');
  if (err instanceof OpenAI.APIConnectionError) return new ExtractionError('connection', short(err.message));
  if (err instanceof OpenAI.APIError) {
    const status = err.status ?? 0;
    const detail = `HTTP ${status}: ${short(err.message)}`;
    if (status === 429) return err.code === 'insufficient_quota' ? new ExtractionError('quota', detail) : new ExtractionError('rate_limited', detail);
    if (status === 408 || status === 409 || status >= 500) return new ExtractionError('server_error', detail);
    if (status === 401 || status === 403) return new ExtractionError('auth', detail);
    if (status === 404) return new ExtractionError('not_found', detail);
    return new ExtractionError('bad_request', detail);
  }
  return null;
}
