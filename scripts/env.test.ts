import { describe, expect, it } from 'vitest';
import { siteOriginFrom } from '@/app/lib/site-origin';
import { defaultAppUrl } from './env.mjs';

describe('the origin of links in e-mails under npm start', () => {
  const spoofed = new Headers({ host: 'evil.example' });

  it('keeps a configured AUTH_URL: reset links use it, not localhost', () => {
    const env = { NODE_ENV: 'production', AUTH_URL: 'https://microblog.example/api/auth' } as NodeJS.ProcessEnv;
    defaultAppUrl(env, 3000);
    expect(env.APP_URL).toBeUndefined();
    expect(siteOriginFrom(spoofed, env)).toBe('https://microblog.example');
  });

  it('keeps a configured APP_URL, which wins over AUTH_URL', () => {
    const env = { NODE_ENV: 'production', APP_URL: 'https://www.microblog.example', AUTH_URL: 'https://microblog.example' } as NodeJS.ProcessEnv;
    defaultAppUrl(env, 3000);
    expect(siteOriginFrom(spoofed, env)).toBe('https://www.microblog.example');
  });

  it('without either, uses the local server, never the request Host', () => {
    const env = { NODE_ENV: 'production' } as NodeJS.ProcessEnv;
    defaultAppUrl(env, 4000);
    expect(siteOriginFrom(spoofed, env)).toBe('http://localhost:4000');
  });
});
