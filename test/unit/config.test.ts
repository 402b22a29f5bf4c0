import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('loadConfig', () => {
  it('has embedded defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 8787,
      databaseUrl: null,
      dataDir: './.baton',
      apiKey: null,
      maxBodyBytes: 5 * 1024 * 1024,
      sellerDomains: [],
      logLevel: 'info',
      maxUtterances: 20_000,
      maxTranscriptChars: 2_000_000,
      rateLimitPerMinute: 600,
      worker: { concurrency: 2, leaseMs: 30_000, pollMs: 1_000, backoffBaseMs: 2_000 },
      shutdownGraceMs: 10_000,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '9000',
      DATABASE_URL: 'postgres://u@h:5432/db',
      BATON_DATA_DIR: '/tmp/x',
      BATON_API_KEY: 'bk_0123456789abcdef',
      BATON_MAX_BODY_BYTES: '1000',
      BATON_SELLER_DOMAINS: 'Acme.com, acme.io',
      BATON_LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({ port: 9000, databaseUrl: 'postgres://u@h:5432/db', maxBodyBytes: 1000, sellerDomains: ['acme.com', 'acme.io'], logLevel: 'debug' });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: ' ' })).toMatchObject({ port: 8787, databaseUrl: null });
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['BATON_MAX_BODY_BYTES', '-1'],
    ['BATON_LOG_LEVEL', 'loud'],
    ['BATON_API_KEY', 'short'],
  ])('fails fast naming %s when it is %j', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });
});
