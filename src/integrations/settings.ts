import { loadConfig } from '../config.ts';
import type { Config, IntegrationSettings } from '../config.ts';

/** The embedded defaults: the providers' public API URLs, no public URL, no secrets key. */
export const DEFAULT_INTEGRATION_SETTINGS: IntegrationSettings = loadConfig({}).integrations;

/**
 * The integration settings in a host's config. The app's `deps.config` is typed to what the core
 * routes read; hosts pass their whole Config, so the settings are there when the host has them.
 */
export function integrationSettingsOf(config: object): IntegrationSettings {
  return (config as Partial<Pick<Config, 'integrations'>>).integrations ?? DEFAULT_INTEGRATION_SETTINGS;
}

/**
 * The process environment's configuration, for a job worker whose host did not hand it over
 * (the settings must match the app's, or the worker cannot open the secrets the app sealed).
 * Falls back to the defaults where there is no environment or it does not validate.
 */
export function hostConfigFromEnv(): Config {
  const env = typeof process !== 'undefined' && process.env ? process.env : {};
  try {
    return loadConfig(env);
  } catch {
    return loadConfig({});
  }
}
