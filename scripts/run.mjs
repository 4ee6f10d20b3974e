// Runs one of the command-line tools in src/server/cli from the (fresh) server build.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildServerIfStale, root } from './build-if-stale.mjs';

const name = process.argv[2];
if (!name || !/^[a-z-]+$/.test(name)) {
  console.error('usage: node scripts/run.mjs <tool>');
  process.exit(64);
}
buildServerIfStale();
process.argv.splice(2, 1);
await import(pathToFileURL(path.join(root, 'dist', 'server', 'cli', `${name}.js`)).href);
