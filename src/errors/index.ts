export { ConfigError } from './config-error.ts';
export { ConflictError } from './conflict-error.ts';
export { describeError } from './describe.ts';
export { InputError } from './input-error.ts';
export { LaySumError } from './laysum-error.ts';
export { NotFoundError } from './not-found-error.ts';
export { StateError } from './state-error.ts';
export { SummaryFailedError, TransientError } from './summarize-errors.ts';
