import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small OpenAI-compatible server for tests: node:http on 127.0.0.1, port 0, serving
 * POST /v1/chat/completions. The real `openai` client talks to it over HTTP. Replies are scripted
 * per test by a marker: a handler registered with `on(marker, ...)` answers the requests whose
 * messages contain the marker (a word of the test's transcript), so jobs of one test still being
 * retried in the background never consume another test's script. Every request is recorded.
 */

export interface FakeRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: ChatBody;
  /** The request's number among those that matched the same marker, from 1. */
  n: number;
}

export interface ChatBody {
  model: string;
  messages: Array<{ role: string; content: string }>;
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: Record<string, unknown> } };
  tools?: unknown;
  tool_choice?: unknown;
  max_completion_tokens?: number;
  temperature?: number;
  [k: string]: unknown;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** A JSON body (a completion, or an error object). */
  json?: unknown;
  /** A raw body instead of JSON. */
  text?: string;
  /** Wait this long before answering (a hang past the client's timeout). */
  delayMs?: number;
}

export type Handler = (req: FakeRequest) => Reply | Promise<Reply>;

export interface FakeOpenAI {
  /** The base URL to give the client: http://127.0.0.1:PORT/v1 */
  readonly url: string;
  readonly requests: FakeRequest[];
  on(marker: string, handler: Handler): void;
  /** Requests whose messages contain `marker`. */
  requestsFor(marker: string): FakeRequest[];
  close(): Promise<void>;
}

export interface CompletionOptions {
  finish_reason?: 'stop' | 'length' | 'content_filter' | 'tool_calls';
  refusal?: string | null;
  usage?: { prompt_tokens: number; completion_tokens: number; cached_tokens?: number };
}

/** A chat completion whose message content is `content`. */
export function completion(content: string | null, opts: CompletionOptions = {}, model = 'test-model'): Reply {
  const usage = opts.usage ?? { prompt_tokens: 1000, completion_tokens: 200, cached_tokens: 0 };
  return {
    json: {
      id: 'chatcmpl-fake',
      object: 'chat.completion',
      created: 1_700_000_000,
      model,
      choices: [{ index: 0, message: { role: 'assistant', content, refusal: opts.refusal ?? null }, finish_reason: opts.finish_reason ?? 'stop', logprobs: null }],
      usage: {
        prompt_tokens: usage.prompt_tokens,
        completion_tokens: usage.completion_tokens,
        total_tokens: usage.prompt_tokens + usage.completion_tokens,
        prompt_tokens_details: { cached_tokens: usage.cached_tokens ?? 0 },
      },
    },
  };
}

/** A completion carrying `extraction` as its JSON content. */
export function extractionReply(extraction: unknown, opts: CompletionOptions = {}): Reply {
  return completion(JSON.stringify(extraction), opts);
}

/** An OpenAI-style error; `retry-after-ms` keeps the SDK's own retries fast in tests. */
export function errorReply(status: number, message: string, opts: { code?: string; type?: string; retryAfterMs?: number } = {}): Reply {
  return {
    status,
    headers: { 'retry-after-ms': String(opts.retryAfterMs ?? 10) },
    json: { error: { message, type: opts.type ?? (status === 429 ? 'rate_limit_error' : 'server_error'), param: null, code: opts.code ?? null } },
  };
}

const text = (body: ChatBody) => body.messages.map((m) => m.content).join('\n');

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const routes: Array<{ marker: string; handler: Handler; count: number }> = [];
  const requests: FakeRequest[] = [];
  const send = (res: ServerResponse, reply: Reply) => {
    if (res.destroyed) return;
    const body = reply.text ?? JSON.stringify(reply.json ?? {});
    res.writeHead(reply.status ?? 200, { 'content-type': reply.text !== undefined ? 'text/plain' : 'application/json', ...reply.headers });
    res.end(body);
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const path = (req.url ?? '').split('?')[0]!;
      if (req.method !== 'POST' || path !== '/v1/chat/completions') return send(res, { status: 404, json: { error: { message: `no route ${req.method} ${path}`, type: 'invalid_request_error' } } });
      let body: ChatBody;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatBody;
      } catch {
        return send(res, { status: 400, json: { error: { message: 'invalid JSON body', type: 'invalid_request_error' } } });
      }
      const all = text(body);
      const route = routes.find((r) => all.includes(r.marker));
      const request: FakeRequest = { method: req.method, path, headers: req.headers, body, n: route ? ++route.count : 0 };
      requests.push(request);
      if (!route) return send(res, errorReply(400, 'the fake server has no script for this request', { type: 'invalid_request_error' }));
      try {
        const reply = await route.handler(request);
        if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
        send(res, reply);
      } catch (err) {
        send(res, errorReply(400, `script error: ${String(err)}`, { type: 'invalid_request_error' }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    on(marker, handler) {
      routes.unshift({ marker, handler, count: 0 });
    },
    requestsFor: (marker) => requests.filter((r) => text(r.body).includes(marker)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The user message of a request (the one that holds the call). */
export function userMessage(req: FakeRequest): string {
  return req.body.messages.find((m) => m.role === 'user')?.content ?? '';
}

/** The part range a request asks about ("report only what utterances A to B show"), or null for a whole call. */
export function partRange(req: FakeRequest): { k: number; n: number; from: number; to: number } | null {
  const m = /This is part (\d+) of (\d+) of a long call: report only what utterances (\d+) to (\d+) show/.exec(userMessage(req));
  return m ? { k: Number(m[1]), n: Number(m[2]), from: Number(m[3]), to: Number(m[4]) } : null;
}
