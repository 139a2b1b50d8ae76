import { LaySumError } from './laysum-error.ts';

/** Something a user sent is not acceptable: nothing was queued for it. */
export class InputError extends LaySumError {}
