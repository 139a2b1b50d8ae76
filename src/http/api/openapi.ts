import { adminPaths, adminSchemas } from './openapi-admin.ts';
import type { Json } from './openapi-shared.ts';

/** The hand-written part of the document: the groups not yet defined with createRoute (./document.ts merges it). */
export function openApiDocument(): { paths: Json; components: { schemas: Json } } {
  return { paths: adminPaths(), components: { schemas: adminSchemas() } };
}
