/**
 * Keep secrets out of messages that reach people: the configured keys
 * themselves, and anything shaped like an API key that a server echoed back
 * (OpenAI's 401 quotes part of the key it was given).
 */
const KEY_SHAPES = /\b(?:sk|rk|pk|lsm)[-_][A-Za-z0-9_*.-]{6,}/g;

export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined> = []): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 6) out = out.split(secret).join('***');
  return out.replace(KEY_SHAPES, '***');
}
