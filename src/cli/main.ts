/** The `laysum` command line: parse the arguments and run one command (the tree is in program.ts). */
import { reportError } from './output.ts';
import { createProgram } from './program.ts';

try {
  await createProgram().parseAsync(process.argv);
} catch (err) {
  reportError(err);
}
