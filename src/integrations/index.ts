import type { z } from '@hono/zod-openapi';
import { INTEGRATION_PROVIDERS } from '../db/schema.ts';
import type { IntegrationProvider } from '../db/schema.ts';
import { fetchFirefliesCall, FirefliesConnection, firefliesFields, receiveFireflies } from './fireflies.ts';
import { GenericConnection, genericFields, receiveGeneric } from './generic.ts';
import { fetchGongCall, GongConnection, gongFields, receiveGong } from './gong.ts';
import { fetchRecallCall, RecallConnection, recallFields, receiveRecall } from './recall.ts';
import type { Delivery, FetchContext, RecordedCall, WebhookOutcome } from './types.ts';
import { fetchZoomCall, receiveZoom, ZoomConnection, zoomFields } from './zoom.ts';

// The call recorders Baton connects to, one module each; this table is all the rest of Baton knows
// of them. docs/integrations.md says how to connect each one.

export interface ProviderModule {
  name: IntegrationProvider;
  title: string;
  /** The body of PUT /v1/integrations/{provider}. */
  connection: z.ZodType<Record<string, string | undefined>>;
  /** Which fields are secret (sealed, never returned), which of those a new connection needs, which are plain settings. */
  fields: { secrets: readonly string[]; required: readonly string[]; settings: readonly string[] };
  /** Verifies a delivery (throws WebhookRefused), then reads what it asks for. */
  receive(d: Delivery, secrets: Record<string, string>): Promise<WebhookOutcome> | WebhookOutcome;
  /** Fetches the call an event named (run by the job queue). */
  fetch?: (payload: Record<string, unknown>, ctx: FetchContext) => Promise<RecordedCall>;
}

export const PROVIDERS: Record<IntegrationProvider, ProviderModule> = {
  zoom: { name: 'zoom', title: 'Zoom', connection: ZoomConnection, fields: zoomFields, receive: receiveZoom, fetch: fetchZoomCall },
  // Gong's "URL includes key" webhooks are authenticated by the connection's token in the URL.
  gong: { name: 'gong', title: 'Gong', connection: GongConnection, fields: gongFields, receive: (d) => receiveGong(d.raw), fetch: fetchGongCall },
  fireflies: { name: 'fireflies', title: 'Fireflies.ai', connection: FirefliesConnection, fields: firefliesFields, receive: receiveFireflies, fetch: fetchFirefliesCall },
  recall: { name: 'recall', title: 'Recall.ai', connection: RecallConnection, fields: recallFields, receive: receiveRecall, fetch: fetchRecallCall },
  generic: { name: 'generic', title: 'Any Standard Webhooks sender', connection: GenericConnection, fields: genericFields, receive: receiveGeneric },
};

export function isProvider(name: string): name is IntegrationProvider {
  return (INTEGRATION_PROVIDERS as readonly string[]).includes(name);
}

export { INTEGRATION_PROVIDERS };
export type { IntegrationProvider };
