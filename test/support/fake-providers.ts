import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import { createApp } from '../../src/app.ts';
import { authorizedRequest } from './request.ts';
import type { IntegrationSettings } from '../../src/config.ts';
import { openDatabase } from '../../src/db/node.ts';
import type { Database } from '../../src/db/node.ts';
import type { Deps } from '../../src/deps.ts';
import { DEFAULT_INTEGRATION_SETTINGS } from '../../src/integrations/settings.ts';
import { jobHandler } from '../../src/jobs/handlers.ts';
import { startWorker } from '../../src/jobs/worker.ts';
import { createLogger } from '../../src/lib/logger.ts';
import type { Logger } from '../../src/lib/logger.ts';
import { createWorkspace } from '../../src/services/workspaces.ts';
import { createOwnDatabase } from './postgres-url.ts';

// A stand-in for every call recorder's API on 127.0.0.1 (port 0), serving the sample payloads of
// test/fixtures/integrations/ and checking each request's credentials the way the provider does;
// and a test context whose app and job worker point their outbound base URLs at it.

const FIXTURES = new URL('../fixtures/integrations/', import.meta.url);
export const fixture = (path: string) => readFileSync(new URL(path, FIXTURES), 'utf8');
export const fixtureJson = <T = Record<string, unknown>>(path: string) => JSON.parse(fixture(path)) as T;

export interface FakeRequest {
  method: string;
  path: string;
  authorization: string | null;
}

export interface FakeProviders {
  url: string;
  /** Integration settings that send every outbound request here. */
  settings(extra?: Partial<IntegrationSettings>): IntegrationSettings;
  requests: FakeRequest[];
  /** The next `times` requests whose path starts with `prefix` fail with `status`. */
  failNext(prefix: string, times: number, status?: number): void;
  zoom: {
    downloadToken: string;
    oauth: { accountId: string; clientId: string; clientSecret: string; accessToken: string };
    /** Transcript files by recording file id. */
    files: Map<string, string>;
    participants: Map<string, unknown>;
  };
  gong: { accessKey: string; accessKeySecret: string; transcripts: Map<string, unknown>; calls: Map<string, Record<string, unknown>> };
  fireflies: { apiKey: string; transcripts: Map<string, unknown> };
  recall: { apiKey: string; transcripts: Map<string, unknown> };
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json') {
  res.writeHead(status, { 'content-type': type });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

export async function startFakeProviders(): Promise<FakeProviders> {
  const failures: { prefix: string; left: number; status: number }[] = [];
  const requests: FakeRequest[] = [];
  const zoom = {
    downloadToken: 'zoom-download-token-123',
    oauth: { accountId: 'acct-1', clientId: 'client-1', clientSecret: 'zoom-client-secret', accessToken: 'zoom-oauth-access-token' },
    files: new Map<string, string>(),
    participants: new Map<string, unknown>(),
  };
  const gong = { accessKey: 'gong-key', accessKeySecret: 'gong-key-secret', transcripts: new Map<string, unknown>(), calls: new Map<string, Record<string, unknown>>() };
  const fireflies = { apiKey: 'fireflies-api-key', transcripts: new Map<string, unknown>() };
  const recall = { apiKey: 'recall-api-key', transcripts: new Map<string, unknown>() };
  let base = '';

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = url.pathname;
      const auth = req.headers.authorization ?? null;
      requests.push({ method: req.method ?? 'GET', path, authorization: auth });
      const failure = failures.find((f) => f.left > 0 && path.startsWith(f.prefix));
      if (failure) {
        failure.left--;
        return send(res, failure.status, { message: 'try again later' });
      }
      const body = req.method === 'POST' ? await readBody(req) : '';
      let m: RegExpMatchArray | null;

      // Zoom: transcript download (download token or OAuth token), S2S OAuth, past meeting participants.
      if ((m = /^\/zoom\/rec\/webhook_download\/([^/]+)$/.exec(path))) {
        if (auth !== `Bearer ${zoom.downloadToken}` && auth !== `Bearer ${zoom.oauth.accessToken}`) return send(res, 401, { code: 124, message: 'Invalid access token.' });
        const vtt = zoom.files.get(decodeURIComponent(m[1]!));
        return vtt ? send(res, 200, vtt, 'text/vtt') : send(res, 404, { code: 3301, message: 'This recording does not exist.' });
      }
      if (path === '/zoom-oauth/oauth/token' && req.method === 'POST') {
        if (auth !== basic(zoom.oauth.clientId, zoom.oauth.clientSecret) || url.searchParams.get('grant_type') !== 'account_credentials' || url.searchParams.get('account_id') !== zoom.oauth.accountId) {
          return send(res, 401, { reason: 'Invalid client_id or client_secret', error: 'invalid_client' });
        }
        return send(res, 200, { access_token: zoom.oauth.accessToken, token_type: 'bearer', expires_in: 3599, scope: 'meeting:read:admin' });
      }
      if ((m = /^\/zoom\/v2\/past_meetings\/(.+)\/participants$/.exec(path))) {
        if (auth !== `Bearer ${zoom.oauth.accessToken}`) return send(res, 401, { code: 124, message: 'Invalid access token.' });
        // The UUID arrives encoded once, or twice when it starts with / or contains //.
        let uuid = decodeURIComponent(m[1]!);
        if (uuid.includes('%')) uuid = decodeURIComponent(uuid);
        const found = zoom.participants.get(uuid);
        return found ? send(res, 200, found) : send(res, 404, { code: 3001, message: 'Meeting does not exist.' });
      }

      // Gong: Basic auth; transcripts and calls by id, or calls in a time range (one per page).
      if (path.startsWith('/gong/')) {
        if (auth !== basic(gong.accessKey, gong.accessKeySecret)) return send(res, 401, { requestId: 'x', errors: ['Unauthorized'] });
        const filter = (JSON.parse(body || '{}') as { filter?: { callIds?: string[]; fromDateTime?: string; toDateTime?: string }; cursor?: string });
        if (path === '/gong/v2/calls/transcript') {
          const list = (filter.filter?.callIds ?? []).map((id) => gong.transcripts.get(id)).filter(Boolean);
          if (!list.length) return send(res, 404, { requestId: 'x', errors: ['No calls found corresponding to the provided filters'] });
          return send(res, 200, { requestId: 'x', records: { totalRecords: list.length, currentPageSize: list.length, currentPageNumber: 0 }, callTranscripts: list });
        }
        if (path === '/gong/v2/calls/extensive') {
          let list = [...gong.calls.values()];
          if (filter.filter?.callIds) list = list.filter((c) => filter.filter!.callIds!.includes((c.metaData as { id: string }).id));
          if (filter.filter?.fromDateTime) {
            const from = Date.parse(filter.filter.fromDateTime);
            const to = Date.parse(filter.filter.toDateTime ?? '9999-12-31T00:00:00Z');
            list = list.filter((c) => {
              const started = Date.parse((c.metaData as { started: string }).started);
              return started >= from && started < to;
            });
          }
          list.sort((a, b) => ((a.metaData as { id: string }).id < (b.metaData as { id: string }).id ? -1 : 1));
          if (!list.length) return send(res, 404, { requestId: 'x', errors: ['No calls found corresponding to the provided filters'] });
          const page = Number(filter.cursor ?? 0);
          const more = page + 1 < list.length;
          return send(res, 200, {
            requestId: 'x',
            records: { totalRecords: list.length, currentPageSize: 1, currentPageNumber: page, ...(more ? { cursor: String(page + 1) } : {}) },
            calls: filter.filter?.callIds ? list : list.slice(page, page + 1),
          });
        }
      }

      // Fireflies: one GraphQL endpoint, Bearer API key.
      if (path === '/fireflies/graphql' && req.method === 'POST') {
        if (auth !== `Bearer ${fireflies.apiKey}`) return send(res, 200, { data: null, errors: [{ message: 'Invalid API key', extensions: { code: 'invalid_api_key' } }] });
        const q = JSON.parse(body) as { query: string; variables?: { id?: string } };
        const t = q.variables?.id ? fireflies.transcripts.get(q.variables.id) : undefined;
        if (!t) return send(res, 200, { data: { transcript: null }, errors: [{ message: 'Transcript not found', extensions: { code: 'object_not_found' } }] });
        return send(res, 200, { data: { transcript: t } });
      }

      // Recall.ai: `Authorization: Token <key>`; the transcript names a download URL.
      if ((m = /^\/recall\/api\/v1\/transcript\/([^/]+)\/$/.exec(path))) {
        if (auth !== `Token ${recall.apiKey}`) return send(res, 401, { detail: 'Invalid token.' });
        const id = decodeURIComponent(m[1]!);
        if (!recall.transcripts.has(id)) return send(res, 404, { detail: 'Not found.' });
        const meta = fixtureJson('recall/transcript.json');
        return send(res, 200, { ...meta, id, data: { download_url: `${base}/recall/download/${encodeURIComponent(id)}?token=signed`, provider_data_download_url: null } });
      }
      if ((m = /^\/recall\/download\/([^/]+)$/.exec(path))) {
        if (url.searchParams.get('token') !== 'signed') return send(res, 403, { detail: 'Bad signature.' });
        const segments = recall.transcripts.get(decodeURIComponent(m[1]!));
        return segments ? send(res, 200, segments) : send(res, 404, { detail: 'Not found.' });
      }
      return send(res, 404, { message: `the fake has no ${req.method} ${path}` });
    })().catch((err: unknown) => send(res, 500, { message: String(err) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    settings: (extra = {}) => ({
      ...DEFAULT_INTEGRATION_SETTINGS,
      zoomApiUrl: `${base}/zoom`,
      zoomOAuthUrl: `${base}/zoom-oauth`,
      gongApiUrl: `${base}/gong`,
      firefliesApiUrl: `${base}/fireflies/graphql`,
      recallApiUrl: `${base}/recall`,
      ...extra,
    }),
    requests,
    failNext: (prefix, times, status = 503) => failures.push({ prefix, left: times, status }),
    zoom,
    gong,
    fireflies,
    recall,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A logger that keeps every line, to check what is (and is not) logged. */
export function captureLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const make = (base: Record<string, unknown>): Logger => {
    const write = (level: string) => (msg: string, fields?: Record<string, unknown>) => {
      lines.push(JSON.stringify({ level, msg, ...base, ...fields }));
    };
    return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error'), child: (f) => make({ ...base, ...f }) };
  };
  return Object.assign(make({}), { lines });
}

export interface IntegrationWorkspace {
  id: string;
  key: string;
  request(path: string, init?: RequestInit): Promise<Response>;
  json<T = unknown>(method: string, path: string, body: unknown): Promise<{ res: Response; body: T }>;
}

export interface IntegrationTestContext {
  app: ReturnType<typeof createApp>;
  database: Database;
  fake: FakeProviders;
  logger: ReturnType<typeof captureLogger>;
  settings: IntegrationSettings;
  workspace(opts?: { sellerDomains?: string[] }): Promise<IntegrationWorkspace>;
  /** Sends a delivery to a webhook URL, as the recorder would. */
  deliver(webhookUrl: string, raw: string, headers: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export const SECRETS_KEY = 'test-secrets-key-0123456789abcdef0123456789';

/**
 * The app and a job worker over a database of their own (an in-memory PGlite, or a fresh database
 * on the run's Postgres, so that no other test file's worker claims these jobs with other
 * settings), with every provider's API on the fake.
 */
export async function createIntegrationTestContext(): Promise<IntegrationTestContext> {
  const fake = await startFakeProviders();
  const driver = process.env.BATON_TEST_DRIVER === 'postgres' ? 'postgres' : 'pglite';
  const own = driver === 'postgres' ? await createOwnDatabase(inject('postgresUrl'), 'intg') : null;
  const database = await openDatabase({ databaseUrl: own?.url ?? null, dataDir: null, poolSize: 4 });
  const logger = captureLogger();
  const settings = fake.settings({ secretsKey: SECRETS_KEY, publicUrl: 'https://baton.test' });
  const limits = { maxUtterances: 2_000, maxTranscriptChars: 200_000 };
  const worker = startWorker({
    db: database.db,
    logger: createLogger('silent'),
    handler: jobHandler({ db: database.db, integrations: settings, limits, logger }),
    concurrency: 2,
    leaseMs: 5_000,
    pollMs: 25,
    backoffBaseMs: 30,
    backoffCapMs: 200,
  });
  const config: Deps['config'] & { integrations: IntegrationSettings } = { maxBodyBytes: 256 * 1024, ...limits, rateLimitPerMinute: 0, integrations: settings };
  const app = createApp({ db: database.db, config, logger, wakeWorker: worker.wake });
  let n = 0;
  return {
    app,
    database,
    fake,
    logger,
    settings,
    async workspace(opts = {}) {
      const { workspace, apiKey } = await createWorkspace(database.db, { name: `integrations-${++n}`, sellerDomains: opts.sellerDomains });
      const request = authorizedRequest(app, apiKey);
      return {
        id: workspace.id,
        key: apiKey,
        request,
        async json<T>(method: string, path: string, body: unknown) {
          const res = await request(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
          return { res, body: (res.status === 204 ? null : await res.json()) as T };
        },
      };
    },
    deliver(webhookUrl, raw, headers) {
      const path = new URL(webhookUrl).pathname;
      return Promise.resolve(app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: raw }));
    },
    async close() {
      await worker.stop(5_000);
      await database.close();
      await own?.drop();
      await fake.close();
    },
  };
}

/** Polls `check` until it returns a value, or fails after `ms`. */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, ms = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 40));
  }
}
