import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from './sqld/server';
import { waitForHttp } from './wait-for-http';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** A real child process running `code` with PORT set. */
function node(code: string, port = 0): ChildProcess {
  const child = spawn(process.execPath, ['-e', code], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
  children.push(child);
  return child;
}

describe('waitForHttp', () => {
  it('resolves once a server that starts late answers 2xx', async () => {
    const port = await freePort();
    const child = node(`setTimeout(() => require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1'), 300)`, port);
    await expect(waitForHttp('late', `http://127.0.0.1:${port}/`, child, { timeoutMs: 10_000, intervalMs: 20 })).resolves.toBeUndefined();
  });

  it('fails at once, naming the exit code, when the child exits first', async () => {
    const port = await freePort();
    const child = node('process.exit(3)');
    const started = Date.now();
    await expect(waitForHttp('broken', `http://127.0.0.1:${port}/`, child, { timeoutMs: 10_000, intervalMs: 20 })).rejects.toThrow(`broken exited (3) before answering on http://127.0.0.1:${port}/`);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('fails after the timeout while the server answers only errors', async () => {
    const port = await freePort();
    const child = node(`require('node:http').createServer((q, s) => { s.statusCode = 503; s.end(); }).listen(${port}, '127.0.0.1')`, port);
    await expect(waitForHttp('busy', `http://127.0.0.1:${port}/`, child, { timeoutMs: 600, intervalMs: 20 })).rejects.toThrow(`busy did not answer on http://127.0.0.1:${port}/ within 1 s`);
  });
});
