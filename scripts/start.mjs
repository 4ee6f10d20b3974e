// `npm start`: build what is stale, then serve Rapport from the build.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildServerIfStale, buildWebIfStale, root } from './build-if-stale.mjs';

buildServerIfStale();
buildWebIfStale();
await import(pathToFileURL(path.join(root, 'dist', 'server', 'main.js')).href);
