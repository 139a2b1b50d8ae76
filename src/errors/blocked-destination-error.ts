import { PermanentError } from './permanent-error.ts';

/**
 * A URL LaySum was asked to fetch (a watched feed, a webhook, or a redirect
 * from one) points inside the network: loopback, private, link-local, cloud
 * metadata. Refused before any request leaves; retrying cannot change it.
 */
export class BlockedDestinationError extends PermanentError {}
