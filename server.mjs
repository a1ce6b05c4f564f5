// The HTTP server of `npm start`, `npm run dev` and the end-to-end suite: Next.js through its
// documented custom-server API, so that each request's client address and protocol come from the
// socket and the operator's TRUSTED_PROXIES (server/forwarded.mjs), never from what a client sends,
// and every response carries the security headers (server/security-headers.mjs). Signed-out visits of
// the pages the build prerendered are answered from memory (server/prerendered-pages.mjs).
// `node server.mjs` serves an existing build on HOST:PORT; scripts/start.mjs also migrates and builds.
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { rewriteForwardingHeaders, trustFrom } from './server/forwarded.mjs';
import { prerenderedPageServer } from './server/prerendered-pages.mjs';
import { setSecurityHeaders } from './server/security-headers.mjs';

/** How long a stopping server waits for open requests before cutting their connections. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Starts one server (one per process; a cluster would call this in each worker) and resolves once it
 * listens. With `handleSignals`, SIGTERM and SIGINT stop accepting connections, let open requests
 * finish (the notification streams end themselves on those signals), close Next.js and exit.
 * @param {{ dev?: boolean, hostname?: string, port?: number, trustedProxies?: string, handleSignals?: boolean }} options
 * @returns {Promise<{ server: http.Server, url: string, close: () => Promise<void> }>}
 */
export async function startServer({
  dev = false,
  hostname = '127.0.0.1',
  port = 3000,
  trustedProxies = process.env.TRUSTED_PROXIES,
  handleSignals = true,
} = {}) {
  const trust = trustFrom(trustedProxies);
  // Next.js reads NODE_ENV when it loads, so set it before the import (as `next start` does).
  process.env.NODE_ENV ??= dev ? 'development' : 'production';
  const { default: next } = await import('next');
  const server = http.createServer();
  const app = next({ dev, hostname, port, httpServer: server });
  const handle = app.getRequestHandler();
  await app.prepare();
  // `next dev` renders every page per request, whatever an older build left in .next.
  const servePrerenderedPage = dev ? () => false : prerenderedPageServer({ buildDir: path.join(process.cwd(), '.next') });

  server.on('request', (req, res) => {
    const { https } = rewriteForwardingHeaders(req, trust);
    // Before handle(): Next.js starts writing inside it, and later setHeader calls are dropped.
    setSecurityHeaders(res, { https });
    if (servePrerenderedPage(req, res, { https })) return;
    handle(req, res).catch((error) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal Server Error');
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => resolve(undefined));
  });

  let closing;
  const close = () =>
    (closing ??= (async () => {
      const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      // Keep-alive connections whose last response (an ended stream, say) finishes after close()
      // would otherwise hold the server until their idle timeout.
      const sweep = setInterval(() => server.closeIdleConnections(), 250);
      await new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeIdleConnections();
      });
      clearTimeout(force);
      clearInterval(sweep);
      await app.close();
    })());
  if (handleSignals) {
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
      process.once(signal, () => {
        close().then(
          () => process.exit(code),
          (error) => {
            console.error(error);
            process.exit(1);
          },
        );
      });
    }
  }
  return { server, url: `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`, close };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { loadEnv } = await import('./scripts/env.mjs');
  loadEnv();
  const { url } = await startServer({ port: Number(process.env.PORT || 3000), hostname: process.env.HOST || '127.0.0.1' });
  // In a cluster (server/cluster.mjs) each worker says which process it is.
  console.log(`Microblog on ${url}${process.env.MICROBLOG_CLUSTER_WORKER ? ` (worker ${process.pid})` : ''}`);
}
