// A Debian nginx in front of several app instances on loopback, for `npm run bench:scale`: the
// README's "Scale out" configuration (HTTP/1.1 keep-alive upstream, event streams unbuffered), written
// to a temporary prefix and run in the foreground as its own process group, so it can be measured
// (/proc) and stopped like the app instances.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../sqld/server';
import { waitForHttp } from '../wait-for-http';

export interface Nginx {
  url: string;
  /** The master process; its group holds the worker too. */
  pid: number;
  stop: () => Promise<void>;
}

/** The nginx binary on PATH or in /usr/sbin (Debian's), or null when it is not installed. */
export function nginxBinary(): string | null {
  for (const candidate of ['nginx', '/usr/sbin/nginx']) {
    if (spawnSync(candidate, ['-v'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  return null;
}

function config(dir: string, port: number, upstreams: string[]): string {
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${path.join(dir, t)};`).join('\n');
  // Run as root, nginx would hand its worker to "nobody"; keep the worker as the user who started it.
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  const proxied = `      proxy_pass http://microblog;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;`;
  return `${user}daemon off;
worker_processes 1;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
${temp}
  upstream microblog {
${upstreams.map((u) => `    server ${new URL(u).host};`).join('\n')}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 10m;
    location / {
${proxied}
    }
    location = /notifications/stream {
${proxied}
      proxy_buffering off;
      proxy_cache off;
      proxy_read_timeout 1h;
    }
  }
}
`;
}

/**
 * Starts nginx (one worker: the app instances need the other cores) round-robin over `upstreams`
 * (base URLs) on a free loopback port, and resolves once it answers. Throws if it does not within 10 s.
 */
export async function startNginx(binary: string, upstreams: string[], dir: string): Promise<Nginx> {
  fs.mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const file = path.join(dir, 'nginx.conf');
  fs.writeFileSync(file, config(dir, port, upstreams));
  const log = fs.openSync(path.join(dir, 'stderr.log'), 'a');
  const child = spawn(binary, ['-p', dir, '-c', file], { stdio: ['ignore', log, log], detached: true });
  fs.closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(-child.pid!, 'SIGQUIT'); // graceful: finish open requests
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp('nginx', `${url}/login`, child, { timeoutMs: 10_000, intervalMs: 50 });
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}; see ${dir}/error.log`);
  }
  return { url, pid: child.pid!, stop };
}
