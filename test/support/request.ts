import type { createApp } from '../../src/app.ts';

/** Requests to the app as one workspace: its API key goes in `authorization` unless the caller set one. */
export function authorizedRequest(app: ReturnType<typeof createApp>, apiKey: string) {
  return (path: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (!headers.has('authorization')) headers.set('authorization', `Bearer ${apiKey}`);
    return Promise.resolve(app.request(path, { ...init, headers }));
  };
}
