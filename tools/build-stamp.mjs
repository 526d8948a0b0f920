// Whether the workspace is already installed and built from exactly the files it has now, so that
// `npm run ratchet -- …` can skip `pnpm install` and `turbo run build` (most of its 6–18 s per call).
// Plain JavaScript with no dependencies and no API newer than Node 18, like toolchain.mjs, which imports it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Files at the root whose change can change an install or any package's build. */
const rootInputs = [
  'package.json',
  'pnpm-lock.yaml',
  'pnpm-workspace.yaml',
  'tsconfig.base.json',
  'tsup.base.ts',
  'turbo.json',
  join('tools', 'package.json'),
];

/** The stamp lives in node_modules: deleting node_modules (a clean install) forgets it too. */
export const stampPath = (rootDir) => join(rootDir, 'node_modules', '.ratchet-build-stamp');

/**
 * The workspace's package folders, read from pnpm-workspace.yaml's `packages:` list. Only the two
 * shapes the file uses are understood, `dir` and `dir/*`; anything else throws rather than being
 * silently left out of the fingerprint.
 */
export function workspacePackageDirs(rootDir) {
  const lines = readFileSync(join(rootDir, 'pnpm-workspace.yaml'), 'utf8').split('\n');
  const start = lines.findIndex((line) => /^packages:\s*$/.test(line));
  if (start === -1) throw new Error('pnpm-workspace.yaml has no `packages:` list');
  const patterns = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break; // the next top-level key
    const match = /^\s+-\s+["']?([^"'\s#]+)["']?/.exec(line);
    if (match) patterns.push(match[1]);
  }
  const dirs = [];
  for (const pattern of patterns) {
    if (pattern.endsWith('/*')) {
      const parent = join(rootDir, pattern.slice(0, -2));
      if (!existsSync(parent)) continue;
      for (const entry of readdirSync(parent, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.isDirectory() && existsSync(join(parent, entry.name, 'package.json')))
          dirs.push(join(parent, entry.name));
      }
    } else if (/^[\w@.-][\w@./-]*$/.test(pattern) && !pattern.includes('*')) {
      if (existsSync(join(rootDir, pattern, 'package.json'))) dirs.push(join(rootDir, pattern));
    } else {
      throw new Error(`pnpm-workspace.yaml: the pattern "${pattern}" is not understood by tools/build-stamp.mjs`);
    }
  }
  return dirs;
}

/** Every file under dir, recursively, sorted, skipping nothing (a build reads any of them). */
function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...filesUnder(path));
    else if (entry.isFile()) files.push(path);
  }
  return files.sort();
}

/** A package's build inputs: the same ones turbo.json's build task names. */
function packageInputs(packageDir) {
  const own = readdirSync(packageDir).filter(
    (name) => name === 'package.json' || name === 'tsup.config.ts' || /^tsconfig.*\.json$/.test(name),
  );
  return [...own.sort().map((name) => join(packageDir, name)), ...filesUnder(join(packageDir, 'src'))];
}

/**
 * A hash of every file that an install or a build reads: the root's lockfile and shared settings, and
 * each workspace package's package.json, tsup and tsconfig files and `src/` — paths and contents, so
 * an edit, a new file, a deleted file or a rename all change it (mtimes would miss a `git checkout`
 * that restores older contents).
 */
export function buildFingerprint(rootDir) {
  const hash = createHash('sha256');
  const files = [
    ...rootInputs.map((name) => join(rootDir, name)),
    ...workspacePackageDirs(rootDir).flatMap(packageInputs),
  ];
  for (const file of files) {
    hash.update(relative(rootDir, file).split(sep).join('/'));
    hash.update('\0');
    hash.update(existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'missing');
    hash.update('\n');
  }
  return hash.digest('hex');
}

/**
 * What an earlier build should have left and is not there: the install's record, and for each
 * package that builds, its `main` and `bin` files. A stamp with any of these missing is not trusted.
 */
export function missingOutputs(rootDir) {
  const missing = [];
  if (!existsSync(join(rootDir, 'node_modules', '.modules.yaml'))) missing.push('node_modules/.modules.yaml');
  for (const packageDir of workspacePackageDirs(rootDir)) {
    const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
    if (!manifest.scripts?.build) continue;
    const bins = typeof manifest.bin === 'string' ? [manifest.bin] : Object.values(manifest.bin ?? {});
    for (const file of [manifest.main, ...bins].filter(Boolean)) {
      if (!existsSync(join(packageDir, file))) missing.push(relative(rootDir, join(packageDir, file)));
    }
  }
  return missing;
}

/** Whether the last successful build was of exactly these files and its outputs are still there. */
export function isUpToDate(rootDir, fingerprint) {
  const path = stampPath(rootDir);
  if (!existsSync(path)) return false;
  try {
    const stamp = JSON.parse(readFileSync(path, 'utf8'));
    return stamp.fingerprint === fingerprint && missingOutputs(rootDir).length === 0;
  } catch {
    return false; // a stamp that does not parse is treated as no stamp
  }
}

/**
 * Records a successful build of the files that had this fingerprint. Written to a temporary file and
 * renamed, so a reader (another `npm run ratchet` at the same moment) sees the old stamp or the new
 * one, never half of one.
 */
export function writeStamp(rootDir, fingerprint) {
  const path = stampPath(rootDir);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, `${JSON.stringify({ fingerprint, builtAt: new Date().toISOString() })}\n`);
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}
