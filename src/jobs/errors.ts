/** A failure that will not go away by retrying (bad input, a model that refuses): fail the job now. */
export class PermanentError extends Error {
  override name = 'PermanentError';
}

/** A failure worth retrying later (timeouts, 429/5xx, a dropped connection). */
export class TransientError extends Error {
  override name = 'TransientError';
}

/** Anything not known to be permanent is retried, up to the job's attempt limit. */
export function isPermanent(err: unknown): boolean {
  return err instanceof PermanentError || (err instanceof Error && err.name === 'ZodError');
}
