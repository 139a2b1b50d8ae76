/**
 * The `laysum` command tree: every command's name, arguments, options and
 * description, and nothing else (the review group is in program-review.ts).
 * Each action imports its implementation (./commands/*.ts, through lazy.ts)
 * only when it runs, so `laysum --help` loads commander and no more, and
 * `laysum status` never loads the OpenAI SDK, Hono or the workers. Keep these
 * files free of imports that pull in libraries: the role list below and the
 * state list in program-review.ts are spelled out for that reason (a unit
 * test checks them against the schemas).
 */
import { userInfo } from 'node:os';
import { Command } from 'commander';
import { laysumVersion } from '../config/version.ts';
import type { SubmitOptions } from './commands/submit.ts';
import type { WorkerOptions } from './commands/worker.ts';
import { type JsonOption, load } from './lazy.ts';
import { addReview } from './program-review.ts';
import { addWebhooks } from './program-webhooks.ts';

/** Role's values, for the help text only. */
export const ROLE_NAMES = 'editor, reviewer, admin';

export function createProgram(): Command {
  const program = new Command()
    .name('laysum')
    .description('Plain-language summaries of research papers, routed through human review')
    .version(laysumVersion(), '-V, --version', 'print the version of LaySum')
    // `laysum --version` only before a command: `review approve ID --version 2` is the draft version.
    .enablePositionalOptions()
    .showHelpAfterError('(run `laysum --help` for usage)')
    .exitOverride((err) => {
      process.exit(err.exitCode === 0 ? 0 : 2);
    });
  addSubmit(program);
  addWorker(program);
  addReview(program);
  addStatus(program);
  addWatch(program);
  addExport(program);
  addServe(program);
  addUsers(program);
  addWebhooks(program);
  return program;
}

function addSubmit(program: Command): void {
  program
    .command('submit')
    .description('Queue a paper for summarizing (exactly one of --text, --pmid, --doi, --pdf, --batch)')
    .option('--text <file>', 'a text file with the title, a blank line, then the abstract; `-` reads stdin')
    .option('--title <title>', 'the title, when the text does not start with it')
    .option('--journal <journal>', 'the journal, for pasted text')
    .option('--pmid <pmid>', 'a PubMed id, e.g. 30158200')
    .option('--doi <doi>', 'a DOI or doi.org link, e.g. 10.1136/bmj.k3225')
    .option('--pdf <file>', 'a paper PDF')
    .option('--batch <file>', 'a file of DOIs/PMIDs: one a line, CSV with a doi or pmid column, or RIS')
    .option('--as <name>', 'who is submitting (for the audit log)', `cli:${userInfo().username}`)
    .option('--json', 'print JSON')
    .action(async (o: SubmitOptions) => (await load.submit()).submit(o));
  program
    .command('source <id>')
    .description('Give a paper held as needs_source its text: the abstract (--text) or the PDF (--pdf)')
    .option('--text <file>', 'a text file with the abstract; `-` reads stdin')
    .option('--pdf <file>', 'the paper PDF')
    .option('--as <name>', 'who is supplying it (for the audit log)', `cli:${userInfo().username}`)
    .option('--json', 'print JSON')
    .action(async (id: string, o: SubmitOptions) => (await load.submit()).supplySource(id, o));
}

function addWorker(program: Command): void {
  program
    .command('worker')
    .description('Run the workers (ingest, summarize, poll, webhook) until SIGINT/SIGTERM')
    .option('--drain', 'process until every queue is empty, then exit (1 if a paper is left in flight)')
    .option('--only <stages>', 'run only these stages (comma-separated: ingest, summarize, poll, webhook)')
    .action(async (o: WorkerOptions) => (await load.worker()).runWorker(o));
}

function addStatus(program: Command): void {
  program
    .command('status [id]')
    .description(
      'Where a paper is: queued, summarizing, pending_review, failed with the reason, ...; with no id, the whole fleet (queues, LLM use, pauses)',
    )
    .option('--json', 'print JSON')
    .action(async (id: string | undefined, o: JsonOption) =>
      id === undefined ? (await load.usage()).fleetStatus(o) : (await load.review()).paperStatus(id, o),
    );
  program
    .command('usage')
    .description('LLM calls, tokens and estimated cost per day and model, against the daily budgets')
    .option('--days <n>', 'how many days back, today first', '7')
    .option('--json', 'print JSON')
    .action(async (o: { days?: string } & JsonOption) => (await load.usage()).usage(o));
  program
    .command('retry <id>')
    .description('Put a failed paper back in the pipeline')
    .option('--as <name>', 'your name, for the audit log', 'cli')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { as: string } & JsonOption) => (await load.review()).retryPaper(id, o));
}

function addWatch(program: Command): void {
  const watch = program.command('watch').description('Poll PubMed queries and journal feeds on a schedule');
  watch
    .command('add <kind> <target>')
    .description('Add a watch: `pubmed QUERY` or `feed URL`')
    .requiredOption('--every <interval>', 'how often to poll: 30m, 6h, 1d')
    .option('--as <name>', 'who added it', 'cli')
    .option('--json', 'print JSON')
    .action(async (kind: string, target: string, o: { every: string; as: string } & JsonOption) =>
      (await load.watch()).addWatch(kind, target, o),
    );
  watch
    .command('list')
    .description('List watches with their last poll (and its error, if it failed)')
    .option('--json', 'print JSON')
    .action(async (o: JsonOption) => (await load.watch()).listWatches(o));
  watch
    .command('remove <id>')
    .description('Remove a watch and its schedule')
    .option('--json', 'print JSON')
    .action(async (id: string, o: JsonOption) => (await load.watch()).removeWatch(id, o));
  watch
    .command('run <id>')
    .description('Poll a watch now and show what it found')
    .option('--json', 'print JSON')
    .action(async (id: string, o: JsonOption) => (await load.watch()).runWatch(id, o));
  watch
    .command('pause <id>')
    .description('Stop polling a watch, keeping its settings and history')
    .option('--json', 'print JSON')
    .action(async (id: string, o: JsonOption) => (await load.watch()).pauseWatch(id, o));
  watch
    .command('resume <id>')
    .description('Poll a paused watch on its schedule again')
    .option('--json', 'print JSON')
    .action(async (id: string, o: JsonOption) => (await load.watch()).resumeWatch(id, o));
}

function addExport(program: Command): void {
  program
    .command('export')
    .description('Write every published summary as a static site: pages, feeds, JSON and Markdown')
    .requiredOption('--out <dir>', 'directory to write the site into (created if missing)')
    .option('--json', 'print JSON')
    .action(async (o: { out: string } & JsonOption) => (await load.export()).exportPublished(o));
}

function addServe(program: Command): void {
  program
    .command('serve')
    .description('Serve the API, the review desk, the published pages and (for admins) the queue dashboard')
    .option('--port <port>', 'port to listen on (default: PORT, else 3000)')
    .option('--host <host>', 'address to listen on (default: all interfaces)')
    .action(async (o: { port?: string; host?: string }) => (await load.serve()).serve(o));
}

function addUsers(program: Command): void {
  const users = program
    .command('users')
    .description('Manage accounts (editor, reviewer, admin), their tokens, emails and password links');
  users
    .command('add <name>')
    .description('Create an account and print its token (shown once: only its hash is stored)')
    .requiredOption('--role <role>', `one of ${ROLE_NAMES}`)
    .option('--email <email>', 'an email to sign in with (and to match single sign-on by)')
    .option('--json', 'print JSON')
    .action(async (name: string, o: { role: string; email?: string } & JsonOption) =>
      (await load.users()).addUser(name, o),
    );
  users
    .command('role <name> <role>')
    .description(`Change an account's role (${ROLE_NAMES}); its token and sessions take it at once`)
    .action(async (name: string, role: string) => (await load.users()).setRole(name, role));
  users
    .command('list')
    .description('List accounts (names, roles, ways to sign in, emails; never a secret)')
    .option('--json', 'print JSON')
    .action(async (o: JsonOption) => (await load.users()).listUsers(o));
  users
    .command('email <name> [email]')
    .description('Set the email an account signs in with and is matched to single sign-on by')
    .option('--clear', 'remove the email')
    .action(async (name: string, email: string | undefined, o: { clear?: boolean }) =>
      (await load.users()).setEmail(name, email, o),
    );
  users
    .command('token <name>')
    .description('Issue a new token (printed once); the old one and its desk sessions stop working')
    .option('--json', 'print JSON')
    .action(async (name: string, o: JsonOption) => (await load.users()).reissueToken(name, o));
  users
    .command('reset <name>')
    .description('Print a one-time link to set the password (expires after RESET_LINK_TTL_S)')
    .option('--json', 'print JSON')
    .action(async (name: string, o: JsonOption) => (await load.users()).resetPassword(name, o));
  users
    .command('remove <name>')
    .description('Delete an account: its token and its desk sessions stop working at once')
    .action(async (name: string) => (await load.users()).removeUser(name));
}
