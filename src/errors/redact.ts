/**
 * Keep secrets out of messages that reach people: the configured keys
 * themselves, anything shaped like an API key that a server echoed back
 * (OpenAI's 401 quotes part of the key it was given), and the user:password
 * part of any URL (OPENAI_BASE_URL, REDIS_URL, a source URL), which becomes
 * `***`: `http://***@host/v1`.
 */
const KEY_SHAPES = /\b(?:sk|rk|pk|lsm)[-_][A-Za-z0-9_*.-]{6,}/g;
/** scheme://userinfo@ — the userinfo (user, user:password) of a URL in any text. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@"'\\<>]+@/gi;

export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined> = []): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 6) out = out.split(secret).join('***');
  return redactUrlCredentials(out.replace(KEY_SHAPES, '***'));
}

/** `redis://user:pw@host` -> `redis://***@host`, wherever a URL appears in the text. */
export function redactUrlCredentials(text: string): string {
  return text.replace(URL_CREDENTIALS, '$1***@');
}

/** An error with its message and stack redacted in place (its class and fields kept: retry logic reads them). */
export function redactError<E extends Error>(err: E, secrets: ReadonlyArray<string | undefined> = []): E {
  err.message = redactSecrets(err.message, secrets);
  if (err.stack) err.stack = redactSecrets(err.stack, secrets);
  if (err.cause instanceof Error) redactError(err.cause, secrets);
  return err;
}
