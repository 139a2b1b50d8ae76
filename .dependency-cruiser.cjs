/**
 * LaySum's layers, lowest first. A module may import from its own folder and
 * from folders lower in this list, never from a higher one; `npm run deps`
 * (run before the tests) fails on any arrow that runs back up, on any cycle,
 * and on a stage that imports the queue library or the web framework.
 * The README's architecture section draws the same list.
 */
const LAYERS = [
  ['src/errors', 'src/domain'], // what everything speaks: errors, zod schemas and the glossary
  ['src/config', 'src/text', 'src/log', 'src/net'], // config, text helpers, the logger, the HTTP client
  ['src/evidence'], // what a paper's design says about its evidence
  ['src/store', 'src/users', 'src/queue', 'src/llm'], // Redis, accounts, BullMQ wiring, the LLM client
  ['src/sources'], // parse and fetch: PubMed, Crossref, Europe PMC, feeds, PDF, batch files
  ['src/checks'], // quality checks on a draft
  ['src/ingest', 'src/summarize'], // pipeline stages
  ['src/intake', 'src/watch', 'src/review', 'src/publish', 'src/webhooks'], // use cases: submit, poll, review, publish, notify
  ['src/http'], // the web app: API, desk, published site
  ['src/runtime'], // the composition root
  ['workers'], // thin BullMQ workers
  ['src/cli', 'bench'], // entry points
  ['bin'],
];

const folder = (f) => `^${f}/`;
const above = (i) => LAYERS.slice(i + 1).flat();

/** Folders in the same layer do not import each other, except [importer, imported] listed here. */
const SAME_LAYER = [
  ['src/queue', 'src/store'], // queues live under the store's prefix; a failure marks the paper failed
  ['src/watch', 'src/intake'], // a poll submits what it finds the way an editor does
  ['src/review', 'src/publish'], // a first publication takes its slug from the publish rules
  ['src/webhooks', 'src/publish'], // a published event carries the summary as the public reads it
  ['src/log', 'src/config'], // the logger reads LOG_LEVEL and the secrets to scrub
];

const layerRules = LAYERS.flatMap((layer, i) =>
  layer.map((from) => ({
    name: `layer:${from}`,
    comment: `${from} must not import from a higher layer (${above(i).join(', ')})`,
    severity: 'error',
    from: { path: folder(from) },
    to: { path: above(i).length ? `^(${above(i).join('|')})/` : '^$' },
  })),
);

const sameLayerRules = LAYERS.flatMap((layer) =>
  layer.map((from) => {
    const allowed = SAME_LAYER.filter(([a]) => a === from).map(([, b]) => b);
    const others = layer.filter((f) => f !== from && !allowed.includes(f));
    return others.length
      ? {
          name: `peer:${from}`,
          comment: `${from} must not import its peers ${others.join(', ')}`,
          severity: 'error',
          from: { path: folder(from) },
          to: { path: `^(${others.join('|')})/` },
        }
      : null;
  }),
).filter(Boolean);

const STAGES = [
  'src/sources',
  'src/ingest',
  'src/summarize',
  'src/checks',
  'src/review',
  'src/publish',
  'src/evidence',
  'src/intake',
  'src/watch',
  'src/webhooks',
];

module.exports = {
  forbidden: [
    ...layerRules,
    ...sameLayerRules,
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'stages-free-of-queue-and-web',
      comment: 'stages take plain inputs and return plain outputs: no bullmq, no hono',
      severity: 'error',
      from: { path: `^(${STAGES.join('|')})/` },
      to: { path: 'node_modules/(bullmq|hono|@hono|@bull-board)/' },
    },
    {
      name: 'redis-behind-the-store',
      comment:
        'only the store, the queue wiring, the composition root and the workers talk to Redis; the rest asks the ports (src/domain/ports)',
      severity: 'error',
      from: { path: '^(src|workers|bin)/', pathNot: '^(src/store|src/queue|src/runtime|workers)/' },
      to: { path: 'node_modules/ioredis/' },
    },
    {
      name: 'postgres-behind-the-store',
      comment:
        'only the store talks to PostgreSQL (src/store/pg); the rest asks the ports (src/domain/ports)',
      severity: 'error',
      from: { path: '^(src|workers|bin)/', pathNot: '^src/store/' },
      to: { path: 'node_modules/(pg|pg-[a-z-]+|node-pg-migrate)/' },
    },
    {
      name: 'store-internals-stay-in-the-store',
      comment:
        "the store's connection, keys and scripts (src/store/internals.ts, keys.ts, user-keys.ts, user-commands.ts) are for src/store alone",
      severity: 'error',
      from: { path: '^(src|workers|bin|bench)/', pathNot: '^src/store/' },
      to: { path: '^src/store/(internals|keys|user-keys|user-commands)\\.ts$' },
    },
    {
      name: 'desk-views-render-only',
      comment:
        "desk views (src/http/web/views) render what they are given: no routes, no request or response handling (hono itself is the routes' business; hono/jsx and hono/html are the views')",
      severity: 'error',
      from: { path: '^src/http/web/(views|assets)/' },
      to: { path: '^src/http/web/routes/|node_modules/hono/dist/(types/)?(hono|index|context)' },
    },
    {
      name: 'site-views-render-only',
      comment:
        'public site views (src/http/site) render what they are given: no routes, no server, no request or response handling; hono/jsx and hono/html only',
      severity: 'error',
      from: { path: '^src/http/site/' },
      to: {
        path: '^src/http/(web|api)/|^src/http/[^/]+$|node_modules/hono/dist/(types/)?(hono|index|context)',
      },
    },
    {
      name: 'no-sdk-internals',
      comment: "the openai SDK's public API only: openai/core/* and openai/lib/* are its internals",
      severity: 'error',
      from: { path: '^(src|workers|bench)/' },
      to: { path: 'node_modules/openai/(core|lib)/' },
    },
    {
      name: 'not-to-test',
      severity: 'error',
      from: { pathNot: '^test/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
