/** The `laysum` command line: parse the arguments and run one command (the tree is in program.ts). */
import { reportError } from './output.ts';
import { createProgram } from './program.ts';

// `laysum review list --json | head`: the reader closed the pipe and wants no more. Stop quietly,
// as other Unix tools do, instead of a stack trace for every write after.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(0);
});

try {
  await createProgram().parseAsync(process.argv);
} catch (err) {
  reportError(err);
}
