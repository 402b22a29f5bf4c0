import { createRoute, z } from '@hono/zod-openapi';
import { problemResponses, security } from '../lib/openapi.ts';
import type { Router } from '../lib/router.ts';
import { Workspace } from '../services/trends-schemas.ts';
import { canonicalZone, getWorkspace, isDomain, updateWorkspace } from '../services/workspace-settings.ts';

const WorkspacePatch = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    timezone: z
      .string()
      .max(64)
      .refine((v) => canonicalZone(v) !== null, { message: 'not an IANA time zone name such as Europe/Berlin or America/New_York' })
      .optional()
      .openapi({ description: 'IANA time zone: trends are bucketed by day, week and month on this wall clock', example: 'Europe/Berlin' }),
    seller_domains: z
      .array(
        z
          .string()
          .trim()
          .toLowerCase()
          .refine(isDomain, { message: 'not a domain name such as vendor.com' }),
      )
      .max(100)
      .optional()
      .openapi({ description: 'Your own email domains: people at them are seller-side (replaces the list)', example: ['vendor.com', 'vendor.io'] }),
  })
  .openapi('WorkspacePatch');

const getWorkspaceRoute = createRoute({
  method: 'get',
  path: '/v1/workspace',
  tags: ['workspace'],
  summary: "The API key's workspace and its settings",
  security,
  responses: {
    200: { description: 'The workspace', content: { 'application/json': { schema: Workspace } } },
    ...problemResponses,
  },
});

const patchWorkspaceRoute = createRoute({
  method: 'patch',
  path: '/v1/workspace',
  tags: ['workspace'],
  summary: 'Change the workspace settings: time zone, seller domains, name',
  security,
  request: {
    body: { required: true, content: { 'application/json': { schema: WorkspacePatch, example: { timezone: 'America/New_York', seller_domains: ['vendor.com'] } } } },
  },
  responses: {
    200: { description: 'The workspace as changed', content: { 'application/json': { schema: Workspace } } },
    ...problemResponses,
  },
});

export function registerWorkspace(app: Router) {
  app.openapi(getWorkspaceRoute, async (c) => c.json(await getWorkspace(c.var.deps.db, c.var.workspace), 200));
  app.openapi(patchWorkspaceRoute, async (c) => c.json(await updateWorkspace(c.var.deps.db, c.var.workspace, c.req.valid('json')), 200));
}
