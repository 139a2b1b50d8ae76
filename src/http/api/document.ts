/**
 * The document served at /api/openapi.json, generated from the route
 * definitions (each group's createRoute), with the paths under /api where
 * the app mounts them.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../types.ts';

const INFO = {
  title: 'LaySum API',
  version: '1.0.0',
  description:
    'Submit papers, review AI-drafted plain-language summaries, publish them. Errors are RFC 9457 problem details with `error` (what was wrong) and `hint` (what to do).',
};

export function apiDocument(app: OpenAPIHono<AppEnv>): Record<string, unknown> {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'A token from `laysum users add NAME --role ROLE`',
  });
  const generated = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: INFO,
    security: [{ bearer: [] }],
  });
  const paths = Object.fromEntries(Object.entries(generated.paths ?? {}).map(([p, v]) => [`/api${p}`, v]));
  return { ...generated, paths };
}
