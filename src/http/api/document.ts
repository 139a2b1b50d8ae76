/**
 * The document served at /api/openapi.json, generated from the route
 * definitions (each route's createRoute), with the paths under /api where
 * the app mounts them.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../types.ts';
import { openApiDocument } from './openapi.ts';

type Json = Record<string, unknown>;

const INFO = {
  title: 'LaySum API',
  version: '1.0.0',
  description:
    'Submit papers, review AI-drafted plain-language summaries, publish them. Errors are `{ error, hint }`.',
};

export function apiDocument(app: OpenAPIHono<AppEnv>): Json {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'A token from `laysum users add NAME --role ROLE`',
  });
  const generated = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: INFO,
    security: [{ bearer: [] }],
  }) as unknown as Json & { paths: Json; components?: { schemas?: Json } };
  const paths = Object.fromEntries(Object.entries(generated.paths).map(([p, v]) => [`/api${p}`, v]));
  // The groups not yet defined with createRoute still come from the hand-written document.
  const legacy = openApiDocument();
  return {
    ...generated,
    paths: { ...legacy.paths, ...paths },
    components: {
      ...generated.components,
      schemas: { ...legacy.components.schemas, ...generated.components?.schemas },
    },
  };
}
