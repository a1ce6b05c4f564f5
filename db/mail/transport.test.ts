import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { passwordResetEmail } from './reset-email';
import { createMailer, deliverWithRetry, readMailConfig, type Mailer } from './transport';

// Delivery logs each message and failure; keep the test output quiet.
beforeEach(() => {
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** Undo quoted-printable soft line breaks, enough to find a link in the raw message. */
const unfold = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');

const message = passwordResetEmail({ to: 'susan@example.com', username: 'susan', url: 'http://127.0.0.1:3000/reset-password/abcDEF123_-xyzabcDEF123_-xyzabcDEF123_-xyz0' });

describe('SMTP delivery to a real local SMTP server', () => {
  let server: SMTPServer;
  let port: number;
  const received: Received[] = [];

  beforeAll(async () => {
    // A small SMTP sink: accepts every message and keeps it.
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the reset e-mail through the SMTP transport', async () => {
    const config = readMailConfig({ NODE_ENV: 'test', MAIL_SERVER: '127.0.0.1', MAIL_PORT: String(port), MAIL_SENDER: 'Microblog <no-reply@example.com>' });
    const mailer = createMailer(config);
    expect(mailer.mode).toBe('smtp');
    expect(await deliverWithRetry(message, { mailer, attempts: 1 })).toBe(true);

    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail.from).toBe('no-reply@example.com');
    expect(mail.to).toEqual(['susan@example.com']);
    expect(mail.raw).toMatch(/^Subject: \[Microblog\] Reset Your Password\r?$/m);
    expect(mail.raw).toMatch(/^To: susan@example\.com\r?$/m);
    expect(mail.raw).toContain('multipart/alternative');
    const body = unfold(mail.raw);
    expect(body).toContain('http://127.0.0.1:3000/reset-password/abcDEF123_-xyzabcDEF123_-xyzabcDEF123_-xyz0');
    expect(body).toContain('href="http://127.0.0.1:3000/reset-password/abcDEF123_-xyzabcDEF123_-xyzabcDEF123_-xyz0"');
  });

  it('retries a failed delivery a bounded number of times and never throws', async () => {
    let calls = 0;
    const failing: Mailer = {
      mode: 'smtp',
      send: async () => {
        calls++;
        throw new Error('connection refused');
      },
    };
    expect(await deliverWithRetry(message, { mailer: failing, attempts: 3, baseDelayMs: 1 })).toBe(false);
    expect(console.error).toHaveBeenCalledTimes(3);
    expect(calls).toBe(3);

    let flaky = 0;
    const recovering: Mailer = { mode: 'smtp', send: async () => (++flaky < 2 ? Promise.reject(new Error('busy')) : {}) };
    expect(await deliverWithRetry(message, { mailer: recovering, attempts: 3, baseDelayMs: 1 })).toBe(true);
    expect(flaky).toBe(2);
  });
});

describe('outbox delivery (no MAIL_SERVER)', () => {
  it('writes each message as an .eml file to the outbox folder', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'microblog-outbox-'));
    try {
      const config = readMailConfig({ NODE_ENV: 'test', MAIL_OUTBOX_DIR: path.join(dir, 'outbox') });
      const mailer = createMailer(config);
      expect(mailer.mode).toBe('outbox');
      expect(await deliverWithRetry(message, { mailer, attempts: 1, outboxNote: 'the link' })).toBe(true);
      expect(console.log).toHaveBeenCalledWith('[mail] the link');
      const files = fs.readdirSync(path.join(dir, 'outbox'));
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/-susan@example\.com\.eml$/);
      const raw = fs.readFileSync(path.join(dir, 'outbox', files[0]), 'utf8');
      expect(raw).toMatch(/^Subject: \[Microblog\] Reset Your Password\r$/m);
      expect(unfold(raw)).toContain('/reset-password/abcDEF123_-xyzabcDEF123_-xyzabcDEF123_-xyz0');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
