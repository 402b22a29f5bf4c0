// Node-only. What PGlite promises on the Node file system, and what we add:
// - Commits are written through to the folder, and after a SIGKILL the next open replays the WAL:
//   every committed transaction survives (checked with PGlite 0.5 by killing a writer mid-stream;
//   test/server/crash.test.ts does it through the server).
// - It takes no lock: two processes opening one folder both write and corrupt it. This lock makes
//   a second opener fail fast naming the holder.
// - A killed process leaves PGlite's postmaster.pid behind; some PGlite versions abort on it at the
//   next open. With no live holder it is stale, so it is cleared before opening.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'baton.lock';

export class DataDirInUseError extends Error {}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the data folder for this process; returns the release function. */
export function lockDataDir(dir: string): () => void {
  const lockPath = join(dir, LOCK_FILE);
  if (existsSync(lockPath)) {
    const holder = Number.parseInt(readFileSync(lockPath, 'utf8').trim(), 10);
    if (holder !== process.pid && alive(holder)) {
      throw new DataDirInUseError(
        `the embedded database in ${dir} is in use by process ${holder}; stop it first, or give this process its own BATON_DATA_DIR (or a DATABASE_URL shared by several processes)`,
      );
    }
  }
  // No live holder: whatever PGlite left behind when its process died is stale.
  rmSync(join(dir, 'postmaster.pid'), { force: true });
  writeFileSync(lockPath, String(process.pid));
  return () => {
    try {
      if (readFileSync(lockPath, 'utf8').trim() === String(process.pid)) rmSync(lockPath, { force: true });
    } catch {
      // already gone
    }
  };
}
