// `npm run db:generate -- --name <what>`: drizzle-kit generate (every argument is passed on), then a
// down-file template drizzle/down/<tag>.sql beside each new migration, which the developer completes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { defaultMigrationsFolder, downFile, readJournal, upFile } from '../db/migrations/files';
import { downTemplate } from '../db/migrations/down-template';

const folder = defaultMigrationsFolder();
const tagsBefore = new Set(fs.existsSync(path.join(folder, 'meta', '_journal.json')) ? readJournal(folder).map((e) => e.tag) : []);

const bin = path.join(process.cwd(), 'node_modules', '.bin', process.platform === 'win32' ? 'drizzle-kit.cmd' : 'drizzle-kit');
const result = spawnSync(bin, ['generate', ...process.argv.slice(2)], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);

const added = readJournal(folder).filter((e) => !tagsBefore.has(e.tag));
for (const { tag } of added) {
  const file = downFile(folder, tag);
  const relative = path.relative(process.cwd(), file);
  if (fs.existsSync(file)) {
    console.log(`\n${relative} already exists; left as it is.`);
    continue;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, downTemplate(tag, fs.readFileSync(upFile(folder, tag), 'utf8')));
  console.log(
    `\nWrote ${relative}: a TEMPLATE that must be completed. Read drizzle/${tag}.sql, make the down file undo it` +
      ' exactly, then delete its TODO(down) line. Until then db:rollback refuses it and' +
      ' `npx vitest run db/migrations` fails.',
  );
}
