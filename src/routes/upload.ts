import type { Context } from 'hono';
import { IngestCallBody } from '../../schemas/api.ts';
import type { AppEnv } from '../deps.ts';
import type { RawUpload } from '../services/calls.ts';
import { ProblemError, validationError } from '../lib/problem.ts';

export interface Upload {
  body: IngestCallBody;
  raw: RawUpload;
}

type FormField =
  | 'deal_external_id'
  | 'deal_name'
  | 'account_external_id'
  | 'account_name'
  | 'occurred_at'
  | 'title'
  | 'source'
  | 'external_id'
  | 'format'
  | 'analyzer'
  | 'participants';

/** Reads an upload, JSON or multipart, into one validated shape plus the raw input to keep. */
export async function readUpload(c: Context<AppEnv>): Promise<Upload> {
  const contentType = c.req.header('content-type') ?? '';
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  if (mediaType === 'application/json' || mediaType.endsWith('+json')) return readJson(c, contentType);
  if (mediaType === 'multipart/form-data') return readMultipart(c, contentType);
  throw new ProblemError(
    'unsupported-media-type',
    mediaType
      ? `content type ${mediaType} is not accepted here: send application/json or multipart/form-data`
      : 'the request has no Content-Type: send application/json or multipart/form-data',
    { errors: [{ in: 'header', path: 'content-type', message: 'must be application/json or multipart/form-data' }] },
  );
}

async function readJson(c: Context<AppEnv>, contentType: string): Promise<Upload> {
  const text = await c.req.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ProblemError('malformed-json', `the body is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = IngestCallBody.safeParse(value);
  if (!parsed.success) throw validationError('body', parsed.error);
  return { body: parsed.data, raw: { text, contentType, filename: null } };
}

async function readMultipart(c: Context<AppEnv>, contentType: string): Promise<Upload> {
  let form: FormData;
  try {
    form = await c.req.formData();
  } catch (err) {
    throw new ProblemError('bad-request', `the multipart body cannot be read: ${(err as Error).message}`);
  }
  const file = form.get('file');
  if (file === null) {
    throw new ProblemError('validation-error', 'form field file: required (the transcript file)', {
      errors: [{ in: 'form', path: 'file', message: 'Required: the transcript file' }],
    });
  }
  const fileText = typeof file === 'string' ? file : await file.text();
  const filename = typeof file === 'string' ? null : file.name || null;
  const field = (name: FormField) => {
    const v = form.get(name);
    return typeof v === 'string' && v.trim() !== '' ? v : undefined;
  };
  let participants: unknown;
  const participantsText = field('participants');
  if (participantsText !== undefined) {
    try {
      participants = JSON.parse(participantsText);
    } catch {
      throw new ProblemError('validation-error', 'form field participants: not valid JSON (send a JSON array of participants)', {
        errors: [{ in: 'form', path: 'participants', message: 'not valid JSON: send a JSON array of {name, email?, title?, side?}' }],
      });
    }
  }
  const accountExternalId = field('account_external_id');
  const accountName = field('account_name');
  const candidate = {
    deal: {
      external_id: field('deal_external_id'),
      name: field('deal_name'),
      account: accountExternalId || accountName ? { external_id: accountExternalId, name: accountName } : undefined,
    },
    occurred_at: field('occurred_at'),
    title: field('title'),
    source: field('source'),
    external_id: field('external_id'),
    format: field('format'),
    analyzer: field('analyzer'),
    participants,
    transcript: fileText,
  };
  const parsed = IngestCallBody.safeParse(candidate);
  if (!parsed.success) {
    // Report form fields under their flat names.
    const errors = validationError('form', parsed.error).errors!.map((e) => ({ ...e, path: flatName(e.path) }));
    const first = errors[0]!;
    throw new ProblemError(
      'validation-error',
      errors.length === 1 ? `form field ${first.path}: ${first.message}` : `${errors.length} form fields are invalid: ${errors.map((e) => e.path).join(', ')}`,
      { errors },
    );
  }
  return { body: parsed.data, raw: { text: fileText, contentType, filename } };
}

function flatName(path: string): string {
  if (path === 'transcript') return 'file';
  if (path.startsWith('deal.account.')) return `account_${path.slice('deal.account.'.length)}`;
  if (path.startsWith('deal.')) return `deal_${path.slice('deal.'.length)}`;
  return path;
}
