// `npm run dev`: the API with live reload (tsx watch) on :3000 and the web app with Vite's hot
// reload on :5173 (it proxies /api to :3000). Open http://localhost:5173. Ctrl-C stops both.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { root } from './build-if-stale.mjs';

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const children = [
  spawn(bin('tsx'), ['watch', '--clear-screen=false', 'src/server/main.ts'], { cwd: root, stdio: 'inherit' }),
  spawn(bin('vite'), ['--port', '5173', '--strictPort'], { cwd: root, stdio: 'inherit' }),
];
let stopping = false;
const stop = (code = 0) => {
  if (stopping) {
    return;
  }
  stopping = true;
  for (const child of children) {
    child.kill('SIGINT');
  }
  setTimeout(() => process.exit(code), 3000).unref();
};
for (const child of children) {
  child.on('exit', (code) => stop(code ?? 0));
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
