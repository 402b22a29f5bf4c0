import type { z } from '@hono/zod-openapi';

/** One failing field of a request: where it is and what is wrong with it. */
export interface FieldError {
  /** Where the field is: body, query, path, header or form. */
  in: 'body' | 'query' | 'path' | 'header' | 'form';
  /** Dotted path of the field inside that location, e.g. `deal.external_id` or `utterances.3.text`. */
  path: string;
  message: string;
}

/** RFC 9457 problem details, as every error response of Baton carries them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  request_id?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/** The problem types Baton answers with: a stable slug, its HTTP status and a title. */
export const PROBLEMS = {
  'validation-error': { status: 422, title: 'The request is not valid' },
  'malformed-json': { status: 400, title: 'The body is not valid JSON' },
  'bad-request': { status: 400, title: 'The request cannot be read' },
  'unsupported-media-type': { status: 415, title: 'Unsupported content type' },
  'unparseable-transcript': { status: 422, title: 'The transcript cannot be parsed' },
  'empty-transcript': { status: 422, title: 'The transcript is empty' },
  'payload-too-large': { status: 413, title: 'The body is too large' },
  unauthorized: { status: 401, title: 'Missing or invalid API key' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'Conflict' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  'internal-error': { status: 500, title: 'Internal error' },
  'service-unavailable': { status: 503, title: 'Service unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;
export type ProblemSlug = keyof typeof PROBLEMS;

export const problemType = (slug: ProblemSlug) => `https://baton.dev/problems/${slug}`;

/** An error that becomes a problem response; services and routes throw it, the app renders it. */
export class ProblemError extends Error {
  readonly slug: ProblemSlug;
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;

  constructor(slug: ProblemSlug, detail: string, opts: { errors?: FieldError[]; headers?: Record<string, string> } = {}) {
    super(detail);
    this.slug = slug;
    this.status = PROBLEMS[slug].status;
    this.errors = opts.errors;
    this.headers = opts.headers ?? {};
  }

  toProblem(extra: { instance?: string; request_id?: string } = {}): Problem {
    return {
      type: problemType(this.slug),
      title: PROBLEMS[this.slug].title,
      status: this.status,
      detail: this.message,
      ...extra,
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

export const notFound = (what: string, id: string) => new ProblemError('not-found', `${what} ${JSON.stringify(id)} does not exist`);

/** Every zod issue as a field error, with its path inside `where`. */
export function fieldErrors(where: FieldError['in'], error: z.ZodError, prefix: (string | number)[] = []): FieldError[] {
  return error.issues.map((issue) => ({
    in: where,
    path: [...prefix, ...issue.path.map(String)].join('.') || '(root)',
    message: issue.message,
  }));
}

export function validationError(where: FieldError['in'], error: z.ZodError, prefix: (string | number)[] = []): ProblemError {
  const errors = fieldErrors(where, error, prefix);
  const first = errors[0];
  const detail =
    errors.length === 1 && first
      ? `${where} field ${first.path}: ${first.message}`
      : `${errors.length} ${where} fields are invalid: ${errors.map((e) => e.path).join(', ')}`;
  return new ProblemError('validation-error', detail, { errors });
}
