/**
 * Models outside strict mode send numbers and booleans as strings
 * ("score": "4"). Where the JSON Schema says a place holds only a number, an
 * integer or a boolean (possibly or null), a string that spells one exactly
 * is read as it; anywhere a string is allowed, nothing changes. The zod
 * schema still validates the result, so a coerced value out of range is
 * still a problem for the model to repair.
 */

type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const NUMBER = /^\s*-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?\s*$/;

/** `#/$defs/x` and `#/definitions/x` references, resolved against the root schema. */
function resolve(node: unknown, root: unknown): Node | null {
  if (!isNode(node)) return null;
  const ref = node.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
  let at: unknown = root;
  for (const part of ref.slice(2).split('/'))
    at = isNode(at) ? at[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return isNode(at) ? at : null;
}

/** The types a node allows: its `type`, or the union of its anyOf/oneOf branches; null when unknown. */
function typesOf(node: Node, root: unknown): Set<string> | null {
  if (typeof node.type === 'string') return new Set([node.type]);
  if (Array.isArray(node.type)) return new Set(node.type.filter((t): t is string => typeof t === 'string'));
  const branches = Array.isArray(node.anyOf) ? node.anyOf : Array.isArray(node.oneOf) ? node.oneOf : null;
  if (!branches) return null;
  const all = new Set<string>();
  for (const b of branches) {
    const branch = resolve(b, root);
    const types = branch ? typesOf(branch, root) : null;
    if (!types) return null;
    for (const t of types) all.add(t);
  }
  return all;
}

/** The one branch of a union that is not `null` (nullable objects and arrays), else the node itself. */
function nonNullBranch(node: Node, root: unknown): Node {
  const branches = Array.isArray(node.anyOf) ? node.anyOf : Array.isArray(node.oneOf) ? node.oneOf : null;
  if (!branches) return node;
  const kept = branches
    .map((b) => resolve(b, root))
    .filter((b): b is Node => b !== null && b.type !== 'null');
  return kept.length === 1 && kept[0] ? kept[0] : node;
}

function coerceScalar(value: string, types: Set<string>): unknown {
  if (types.has('string')) return value;
  if ((types.has('integer') || types.has('number')) && NUMBER.test(value)) {
    const n = Number(value);
    if (Number.isFinite(n) && (types.has('number') || Number.isInteger(n))) return n;
  }
  if (types.has('boolean') && /^\s*(?:true|false)\s*$/i.test(value))
    return value.trim().toLowerCase() === 'true';
  if (types.has('null') && value.trim() === 'null') return null;
  return value;
}

/** `value` with strings turned into the numbers and booleans the schema unambiguously asks for. */
export function coerceToSchema(value: unknown, schema: unknown, root: unknown = schema): unknown {
  const node = resolve(schema, root);
  if (!node) return value;
  const types = typesOf(node, root);
  if (typeof value === 'string') return types ? coerceScalar(value, types) : value;
  const shape = nonNullBranch(node, root);
  if (Array.isArray(value)) return value.map((item) => coerceToSchema(item, shape.items, root));
  if (isNode(value) && isNode(shape.properties)) {
    const properties = shape.properties;
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [
        key,
        key in properties ? coerceToSchema(v, properties[key], root) : v,
      ]),
    );
  }
  return value;
}
