import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireInstanceLock, DataFolderInUseError, processStartTime } from './instance-lock.js';

const folder = mkdtempSync(path.join(tmpdir(), 'rapport-lock-'));
const lockFile = path.join(folder, 'rapport.lock');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the data folder lock', () => {
  it('is taken, refused to a second taker while held, and free again once released', () => {
    const release = acquireInstanceLock(lockFile, folder);
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
    expect(() => acquireInstanceLock(lockFile, folder)).toThrow(DataFolderInUseError);
    release();
    acquireInstanceLock(lockFile, folder)();
  });

  it('replaces a lock left by a process that has died', async () => {
    const child = spawn(process.execPath, ['-e', '0']);
    const pid = child.pid!;
    const startTime = processStartTime(pid);
    await new Promise((resolve) => child.once('exit', resolve));
    writeFileSync(lockFile, JSON.stringify({ pid, startTime }));
    const release = acquireInstanceLock(lockFile, folder);
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
    release();
  });

  it('does not mistake a new process that reused the pid for the old owner', () => {
    // Our own pid, but a start time that is not ours: the recorded owner is gone.
    writeFileSync(lockFile, JSON.stringify({ pid: process.pid, startTime: '1' }));
    acquireInstanceLock(lockFile, folder)();
  });

  it('treats a half-written lock file as stale', () => {
    writeFileSync(lockFile, '{"pid":');
    acquireInstanceLock(lockFile, folder)();
  });
});
