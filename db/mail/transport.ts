import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';

/**
 * Outgoing e-mail. With MAIL_SERVER set, messages go out over SMTP; without it (the embedded default)
 * each message is written as an .eml file to the outbox folder (MAIL_OUTBOX_DIR, default
 * ./data/outbox) so a developer can open it. Sending never blocks or fails the request that caused
 * it: enqueueMail() returns at once and retries a failed delivery a few times, logging each failure.
 */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface MailConfig {
  /** SMTP host; undefined means "write to the outbox folder". */
  server?: string;
  port: number;
  username?: string;
  password?: string;
  /** STARTTLS required (Flask-Mail's MAIL_USE_TLS). Port 465 always uses implicit TLS. */
  useTls: boolean;
  sender: string;
  outboxDir: string;
}

export function readMailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig {
  const server = env.MAIL_SERVER?.trim() || undefined;
  return {
    server,
    port: Number(env.MAIL_PORT) || 25,
    username: env.MAIL_USERNAME || undefined,
    password: env.MAIL_PASSWORD || undefined,
    useTls: ['1', 'true', 'yes', 'on'].includes((env.MAIL_USE_TLS ?? '').trim().toLowerCase()),
    sender: env.MAIL_SENDER?.trim() || 'Microblog <no-reply@localhost>',
    outboxDir: path.resolve(/*turbopackIgnore: true*/ env.MAIL_OUTBOX_DIR?.trim() || './data/outbox'),
  };
}

export interface DeliveryResult {
  /** The .eml file written, in outbox mode. */
  file?: string;
  messageId?: string;
}

export interface Mailer {
  readonly mode: 'smtp' | 'outbox';
  send(message: MailMessage): Promise<DeliveryResult>;
}

function smtpTransport(config: MailConfig): Transporter {
  return nodemailer.createTransport({
    host: config.server,
    port: config.port,
    secure: config.port === 465,
    requireTLS: config.useTls,
    auth: config.username ? { user: config.username, pass: config.password ?? '' } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
}

function outboxFileName(to: string): string {
  const safeTo = to.replace(/[^A-Za-z0-9@._-]/g, '_').slice(0, 100);
  return `${Date.now()}-${crypto.randomBytes(4).toString('hex')}-${safeTo}.eml`;
}

/** A mailer for this configuration: SMTP when a server is set, the outbox folder otherwise. */
export function createMailer(config: MailConfig = readMailConfig()): Mailer {
  if (config.server) {
    const transport = smtpTransport(config);
    return {
      mode: 'smtp',
      async send(message) {
        const info = await transport.sendMail({ from: config.sender, ...message });
        return { messageId: info.messageId };
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    mode: 'outbox',
    async send(message) {
      const info = await transport.sendMail({ from: config.sender, ...message });
      fs.mkdirSync(config.outboxDir, { recursive: true });
      const file = path.join(/*turbopackIgnore: true*/ config.outboxDir, outboxFileName(message.to));
      // Written under a temporary name and renamed, so a reader never sees half a message.
      fs.writeFileSync(`${file}.tmp`, info.message as Buffer);
      fs.renameSync(`${file}.tmp`, file);
      return { file, messageId: info.messageId };
    },
  };
}

export interface RetryOptions {
  attempts?: number;
  /** Delay before the second attempt; doubled after each failure. */
  baseDelayMs?: number;
  /** Logged once the message is written to the outbox (e.g. the link it carries). */
  outboxNote?: string;
  mailer?: Mailer;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Delivers with bounded retries and exponential backoff. Resolves true once delivered, false after
 * the last failed attempt; it never rejects (each failure is logged).
 */
export async function deliverWithRetry(message: MailMessage, options: RetryOptions = {}): Promise<boolean> {
  const { attempts = 5, baseDelayMs = 2_000 } = options;
  const mailer = options.mailer ?? defaultMailer();
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const result = await mailer.send(message);
      if (result.file) {
        console.log(`[mail] "${message.subject}" to ${message.to} written to ${result.file}`);
        if (options.outboxNote) console.log(`[mail] ${options.outboxNote}`);
      } else {
        console.log(`[mail] "${message.subject}" sent to ${message.to}`);
      }
      return true;
    } catch (error) {
      const last = attempt === attempts;
      console.error(
        `[mail] sending "${message.subject}" to ${message.to} failed (attempt ${attempt} of ${attempts})${last ? '; giving up' : ''}:`,
        error instanceof Error ? error.message : error,
      );
      if (!last) await sleep(baseDelayMs * 2 ** (attempt - 1));
    }
  }
  return false;
}

/** Fire and forget: returns at once; delivery (with retries) happens in the background. */
export function enqueueMail(message: MailMessage, options: RetryOptions = {}): void {
  void deliverWithRetry(message, options);
}

const globalKey = Symbol.for('microblog.mailer');
type GlobalWithMailer = typeof globalThis & { [globalKey]?: Mailer };

/** One mailer per process (an SMTP transport keeps its settings), built from the environment. */
function defaultMailer(): Mailer {
  const g = globalThis as GlobalWithMailer;
  g[globalKey] ??= createMailer();
  return g[globalKey];
}
