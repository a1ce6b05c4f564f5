// `npm run db:server [-- --replica] [-- --port 8080 --grpc-port 5001 --replica-port 8081]`: a local
// libSQL server (sqld) for development, on loopback, with its data in data/sqld/. Prints the
// DATABASE_URL to use; `--replica` adds a read replica that forwards writes to the primary.
// Ctrl-C (or SIGTERM) stops both.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startSqld, type Sqld } from './sqld/server';

const { values } = parseArgs({
  options: {
    replica: { type: 'boolean', default: false },
    port: { type: 'string', default: '8080' },
    'grpc-port': { type: 'string', default: '5001' },
    'replica-port': { type: 'string', default: '8081' },
    dir: { type: 'string', default: 'data/sqld' },
  },
});
const port = (name: 'port' | 'grpc-port' | 'replica-port') => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`--${name} must be a TCP port`);
  return n;
};

const dir = path.resolve(values.dir!);
const servers: Sqld[] = [];
let stopping = false;
async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  for (const server of servers.reverse()) await server.stop();
  console.log('libSQL server stopped.');
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stopAll(0));

try {
  const primary = await startSqld({ dir: path.join(dir, 'primary'), httpPort: port('port'), grpcPort: port('grpc-port'), log: 'inherit' });
  servers.push(primary);
  primary.process.on('exit', () => void stopAll(1));
  console.log(`libSQL primary: data in ${path.relative(process.cwd(), path.join(dir, 'primary'))}, replication (gRPC) on ${primary.grpcUrl}`);
  console.log(`  DATABASE_URL=${primary.url}`);
  if (values.replica) {
    const replica = await startSqld({ dir: path.join(dir, 'replica'), httpPort: port('replica-port'), primaryGrpcUrl: primary.grpcUrl, log: 'inherit' });
    servers.push(replica);
    replica.process.on('exit', () => void stopAll(1));
    console.log(`libSQL replica of it (reads locally, forwards writes):`);
    console.log(`  DATABASE_URL=${replica.url}`);
  }
  console.log('Run `npm run db:migrate` with that DATABASE_URL once, then `npm start`. Ctrl-C stops the server.');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stopAll(1);
}
