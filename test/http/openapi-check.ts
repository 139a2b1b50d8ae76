/**
 * Every JSON answer an API test receives, checked against the served
 * OpenAPI document: the route (by method and path template), the status it
 * documents and that status's response schema, with ajv (JSON Schema 2020-12,
 * the dialect of OpenAPI 3.1). A mismatch throws, failing the test that made the call.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

interface Operation {
  operationId?: string;
  responses?: Record<string, { content?: Record<string, { schema?: object }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components?: object;
}

export function answerChecker(document: Document) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'api', components: document.components ?? {} });
  const compiled = new Map<string, ValidateFunction>();
  const routes = Object.entries(document.paths).map(([template, ops]) => ({
    ops,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    // A literal segment beats a parameter (/api/drafts/bulk before /api/drafts/{id}).
    params: (template.match(/\{/g) ?? []).length,
  }));
  routes.sort((a, b) => a.params - b.params);

  return async function check(method: string, path: string, res: Response): Promise<void> {
    const pathname = new URL(path, 'http://x').pathname;
    if (!pathname.startsWith('/api/') || pathname === '/api/openapi.json') return;
    if (!(res.headers.get('content-type') ?? '').includes('json')) return;
    const route = routes.find((r) => r.pattern.test(pathname) && r.ops[method.toLowerCase()]);
    const op = route?.ops[method.toLowerCase()];
    // No such route: its 404 is the catch-all's, outside the document.
    if (!op) return;
    if (!op.operationId) throw new Error(`${method} ${pathname} has no operationId in the document.`);
    const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    const schema = op.responses?.[String(res.status)]?.content?.[type]?.schema;
    if (!schema)
      throw new Error(
        `${method} ${pathname} answered ${res.status} (${type}), which ${op.operationId} does not document.`,
      );
    const key = `${op.operationId} ${res.status}`;
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(rebase(schema));
      compiled.set(key, validate);
    }
    const body: unknown = await res.clone().json();
    if (!validate(body))
      throw new Error(
        `${method} ${pathname} ${res.status} does not match ${op.operationId}'s documented answer: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 2000)}`,
      );
  };
}

/** The document's `#/components/...` refs, pointed at the components registered as `api`. */
function rebase(schema: object): object {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"api#/components/')) as object;
}
