/**
 * Secrets that must never reach stdout, stderr or a log. Every message remodel pr prints goes through `redact`,
 * which also strips credentials embedded in URLs (`https://user:token@host/...`), as git may echo a remote URL.
 */
const secrets = new Set<string>();

export function addSecret(value: string | undefined): void {
  if (value && value.length >= 4) secrets.add(value);
}

export function redact(text: string): string {
  let out = text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, '$1***@');
  for (const secret of secrets) out = out.split(secret).join('***');
  return out;
}
