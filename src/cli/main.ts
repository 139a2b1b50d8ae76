/** The `laysum` command line: one program, one file per command group. */
import { Command } from 'commander';
import { registerExport } from './commands/export.ts';
import { registerReview, registerStatus } from './commands/review.ts';
import { registerServe } from './commands/serve.ts';
import { registerSubmit } from './commands/submit.ts';
import { registerUsers } from './commands/users.ts';
import { registerWatch } from './commands/watch.ts';
import { registerWorker } from './commands/worker.ts';
import { reportError } from './output.ts';

const program = new Command()
  .name('laysum')
  .description('Plain-language summaries of research papers, routed through human review')
  .showHelpAfterError('(run `laysum --help` for usage)')
  .exitOverride((err) => {
    process.exit(err.exitCode === 0 ? 0 : 2);
  });

registerSubmit(program);
registerWorker(program);
registerReview(program);
registerStatus(program);
registerWatch(program);
registerExport(program);
registerServe(program);
registerUsers(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  reportError(err);
}
