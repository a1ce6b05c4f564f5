import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './content-security-policy';
import { inlineScriptHashes } from './prerendered-pages';

const sha256 = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('base64');

describe('inlineScriptHashes', () => {
  it('hashes the exact text of each inline script, once, and skips external and empty ones', () => {
    const html = [
      '<script src="/_next/static/chunks/a.js" async=""></script>',
      '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
      '<script id="x">self.__next_f.push([1,"é \\u003c/b\\u003e"])</script>',
      '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
      '<SCRIPT type="module" >\nlet a = 1;\n</SCRIPT>',
      '<script></script>',
    ].join('');
    expect(inlineScriptHashes(html)).toEqual([
      sha256('(self.__next_f=self.__next_f||[]).push([0])'),
      sha256('self.__next_f.push([1,"é \\u003c/b\\u003e"])'),
      sha256('\nlet a = 1;\n'),
    ]);
  });
});

describe('contentSecurityPolicy', () => {
  it('with a nonce: strict-dynamic, and the nonce for styles too', () => {
    const csp = contentSecurityPolicy({ nonce: 'abc' });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("style-src 'self' 'nonce-abc'");
  });
  it('with hashes: only those inline scripts and same-origin files, never unsafe-inline', () => {
    const csp = contentSecurityPolicy({ hashes: ['h1', 'h2'] }, { https: true });
    expect(csp).toContain("script-src 'self' 'sha256-h1' 'sha256-h2';");
    expect(csp).toContain("style-src 'self';");
    expect(csp).not.toMatch(/unsafe|nonce|strict-dynamic/);
    expect(csp).toContain('upgrade-insecure-requests');
  });
});
