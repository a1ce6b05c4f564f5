/**
 * How a page's own scripts are allowed: a fresh nonce for a page rendered per request, or the hashes
 * of the inline scripts of a page served as a prerendered file (./prerendered-pages.mjs).
 */
export type ScriptSources = { nonce: string } | { hashes: string[] };
export function newNonce(): string;
export function contentSecurityPolicy(scripts: ScriptSources, options?: { dev?: boolean; https?: boolean }): string;
