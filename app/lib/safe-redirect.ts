/**
 * Only same-origin relative paths may be redirect targets (`next`, `redirectTo`). Anything else,
 * including protocol-relative `//host` and the backslash trick `/\host`, becomes `/`.
 */
export function safeNextPath(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  if (/[\u0000-\u001F\u007F]/.test(value)) return '/';
  try {
    const url = new URL(value, 'http://localhost');
    if (url.origin !== 'http://localhost') return '/';
    return url.pathname + url.search + url.hash;
  } catch {
    return '/';
  }
}
