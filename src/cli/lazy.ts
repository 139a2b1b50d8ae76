/**
 * The command implementations, each imported only when its command runs: the
 * command tree (program.ts) must load no more than commander, so that
 * `laysum --help` starts at once and `laysum status` never loads the workers.
 */
export const load = {
  submit: () => import('./commands/submit.ts'),
  worker: () => import('./commands/worker.ts'),
  review: () => import('./commands/review.ts'),
  reviewEdit: () => import('./commands/review-edit.ts'),
  watch: () => import('./commands/watch.ts'),
  export: () => import('./commands/export.ts'),
  serve: () => import('./commands/serve.ts'),
  users: () => import('./commands/users.ts'),
  webhooks: () => import('./commands/webhooks.ts'),
  usage: () => import('./commands/usage.ts'),
};

/** `--json`, which every command that prints takes. */
export interface JsonOption {
  json?: boolean;
}
