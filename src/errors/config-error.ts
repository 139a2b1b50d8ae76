import { LaySumError } from './laysum-error.ts';

/** Bad configuration: names each variable that is wrong. Start-up stops. */
export class ConfigError extends LaySumError {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`, {
      hint: 'Fix these variables in the environment or in .env (see .env.example), then start again.',
    });
    this.problems = problems;
  }
}
