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
      integrations: {
        publicUrl: null,
        secretsKey: null,
        webhookToleranceSeconds: 300,
        zoomApiUrl: 'https://api.zoom.us',
        zoomOAuthUrl: 'https://zoom.us',
        gongApiUrl: 'https://api.gong.io',
        firefliesApiUrl: 'https://api.fireflies.ai/graphql',
        recallApiUrl: 'https://us-east-1.recall.ai',
      },
      analysis: { analyzer: 'rules', openai: null },
    });
  });

  it('reads the integration settings, without trailing slashes on URLs', () => {
    const config = loadConfig({
      BATON_PUBLIC_URL: 'https://baton.example.com/',
      BATON_SECRETS_KEY: 'k'.repeat(32),
      BATON_WEBHOOK_TOLERANCE_SECONDS: '60',
      BATON_ZOOM_API_URL: 'http://127.0.0.1:9999/zoom/',
      BATON_ZOOM_OAUTH_URL: 'http://127.0.0.1:9999/zoom-oauth',
      BATON_GONG_API_URL: 'http://127.0.0.1:9999/gong',
      BATON_FIREFLIES_API_URL: 'http://127.0.0.1:9999/fireflies/graphql',
      BATON_RECALL_API_URL: 'http://127.0.0.1:9999/recall',
    });
    expect(config.integrations).toEqual({
      publicUrl: 'https://baton.example.com',
      secretsKey: 'k'.repeat(32),
      webhookToleranceSeconds: 60,
      zoomApiUrl: 'http://127.0.0.1:9999/zoom',
      zoomOAuthUrl: 'http://127.0.0.1:9999/zoom-oauth',
      gongApiUrl: 'http://127.0.0.1:9999/gong',
      firefliesApiUrl: 'http://127.0.0.1:9999/fireflies/graphql',
      recallApiUrl: 'http://127.0.0.1:9999/recall',
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
    ['BATON_SECRETS_KEY', 'too-short'],
    ['BATON_PUBLIC_URL', 'baton.example.com'],
    ['BATON_GONG_API_URL', 'ftp://gong'],
    ['BATON_WEBHOOK_TOLERANCE_SECONDS', '0'],
    ['BATON_ANALYZER', 'gpt'],
    ['BATON_MODEL_INPUT_BUDGET', '100'],
    ['BATON_MODEL_MAX_RETRIES', '11'],
    ['BATON_MODEL_TIMEOUT_MS', 'soon'],
    ['BATON_MODEL_TEMPERATURE', '3'],
    ['OPENAI_BASE_URL', 'localhost:11434'],
  ])('fails fast naming %s when it is %j', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });
});

describe('loadConfig: model-backed analysis', () => {
  it('defaults to the rules analyzer without OPENAI_API_KEY, and to openai with it', () => {
    expect(loadConfig({}).analysis).toEqual({ analyzer: 'rules', openai: null });
    expect(loadConfig({ OPENAI_API_KEY: 'sk-test' }).analysis).toEqual({
      analyzer: 'openai',
      openai: { apiKey: 'sk-test', baseURL: null, model: 'gpt-4.1-mini', inputTokenBudget: 60_000, maxOutputTokens: 16_000, timeoutMs: 120_000, maxRetries: 2, temperature: null },
    });
  });

  it('BATON_ANALYZER chooses, and the model variables are read', () => {
    const config = loadConfig({
      OPENAI_API_KEY: 'sk-test',
      BATON_ANALYZER: 'rules',
      BATON_MODEL: 'my-deployment',
      OPENAI_BASE_URL: 'https://res.openai.azure.com/openai/v1/',
      BATON_MODEL_INPUT_BUDGET: '8000',
      BATON_MODEL_MAX_OUTPUT_TOKENS: '4000',
      BATON_MODEL_TIMEOUT_MS: '30000',
      BATON_MODEL_MAX_RETRIES: '0',
      BATON_MODEL_TEMPERATURE: '0',
    });
    expect(config.analysis).toEqual({
      analyzer: 'rules',
      openai: { apiKey: 'sk-test', baseURL: 'https://res.openai.azure.com/openai/v1', model: 'my-deployment', inputTokenBudget: 8000, maxOutputTokens: 4000, timeoutMs: 30_000, maxRetries: 0, temperature: 0 },
    });
  });

  it('a local server needs only OPENAI_BASE_URL', () => {
    const config = loadConfig({ BATON_ANALYZER: 'openai', OPENAI_BASE_URL: 'http://localhost:11434/v1', BATON_MODEL: 'llama3.1' });
    expect(config.analysis).toMatchObject({ analyzer: 'openai', openai: { apiKey: null, baseURL: 'http://localhost:11434/v1', model: 'llama3.1' } });
  });

  it('BATON_ANALYZER=openai with neither a key nor a base URL fails fast', () => {
    expect(() => loadConfig({ BATON_ANALYZER: 'openai' })).toThrow(/BATON_ANALYZER: openai needs OPENAI_API_KEY/);
  });
});
