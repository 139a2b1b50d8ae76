/** The `laysum webhooks` commands (kept beside program.ts so the command tree stays small). */
import type { Command } from 'commander';
import { type JsonOption, load } from './lazy.ts';

const EVENTS = 'drafted, approved, published, unpublished, failed';

export function addWebhooks(program: Command): void {
  const hooks = program
    .command('webhooks')
    .description(
      'Tell other systems (a CMS, a chat channel) when papers are drafted, approved, published...',
    );
  hooks
    .command('add <url>')
    .description('Register a URL; prints its signing secret once')
    .option('--events <list>', `comma-separated, any of ${EVENTS} (default: all)`)
    .option('--as <name>', 'who added it', 'cli')
    .option('--json', 'print JSON')
    .action(async (url: string, o: { events?: string; as: string } & JsonOption) =>
      (await load.webhooks()).addWebhook(url, o),
    );
  hooks
    .command('list')
    .description('List webhooks with their last deliveries and their status')
    .option('--json', 'print JSON')
    .action(async (o: JsonOption) => (await load.webhooks()).listWebhooks(o));
  hooks
    .command('resend [delivery]')
    .description(
      "Send a delivery again with its paper's later ones (or, with --since, everything since a time), in order",
    )
    .option('--since <time>', 'everything since an ISO date or time, or a span back from now: 90m, 6h, 2d')
    .option('--hook <id>', 'with --since: only this webhook (default: all)')
    .option('--as <name>', 'who resent it', 'cli')
    .option('--json', 'print JSON')
    .action(
      async (delivery: string | undefined, o: { since?: string; hook?: string; as: string } & JsonOption) =>
        (await load.webhooks()).resendWebhooks(delivery, o),
    );
  hooks
    .command('rotate <id>')
    .description(
      'Give a webhook a new signing secret, printed once; the old one also signs for a grace period',
    )
    .option('--json', 'print JSON')
    .action(async (id: string, o: JsonOption) => (await load.webhooks()).rotateWebhook(id, o));
  hooks
    .command('remove <id>')
    .description('Remove a webhook and its delivery history')
    .option('--json', 'print JSON')
    .action(async (id: string, o: JsonOption) => (await load.webhooks()).removeWebhook(id, o));
}
