#!/usr/bin/env node
// Brings the pinned Node.js and pnpm (tools/package.json) onto PATH, installs the workspace, and runs
// one project task. Plain JavaScript with no dependencies, so it runs on whatever Node a fresh machine
// has (Node 18+), including the one that only has Node 20 and npm.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFingerprint, isUpToDate, writeStamp } from './build-stamp.mjs';
import {
  describeUrl,
  findServerBinaries,
  modeVariable,
  serverVersion,
  startPostgres,
  urlVariable,
} from './postgres-test-server.mjs';

const toolsDir = dirname(fileURLToPath(import.meta.url));
const rootDir = dirname(toolsDir);
const binDir = join(toolsDir, 'node_modules', '.bin');
const pinned = JSON.parse(readFileSync(join(toolsDir, 'package.json'), 'utf8')).dependencies;

// The build before a command. When nothing it reads has changed since the last one (tools/build-stamp.mjs),
// it and the install are skipped: `npm run ratchet -- --help` then costs Node's start-up, not 6–18 s.
const buildFirst = ['turbo', 'run', 'build', '--output-logs=errors-only'];

const tasks = {
  demo: [buildFirst, ['node', 'apps/bench/dist/cli.js', 'demo']],
  // `npm run ratchet -- report demo-42`: the CLI from a clone, built first when a source changed.
  ratchet: [buildFirst, ['node', 'apps/bench/dist/cli.js']],
  // `npm run autoloop -- --target … --state-root …`: the autoloop's bin from a clone.
  autoloop: [buildFirst, ['node', 'packages/autoloop/dist/bin.js']],
  // Pack every public package, install the tarballs into an empty folder with npm, and use them there.
  'pack-check': [buildFirst, ['node', 'tools/pack-check.mjs']],
  bench: [['turbo', 'run', 'bench', '--output-logs=new-only', '--log-prefix=none']],
  // One package at a time: each vitest runs its files on every core (vitest.shared.ts), and overlapping them only adds contention.
  // tools/ has its own few tests (node:test, no dependencies), then every package's vitest. Both run with
  // RATCHET_TEST_POSTGRES_URL set: the store tests' server (provideTestPostgres, below).
  test: [
    ['node', '--test', 'tools/*.test.mjs'],
    ['turbo', 'run', 'test', '--output-logs=full', '--concurrency=1'],
  ],
  build: [['turbo', 'run', 'build']],
  lint: [['biome', 'ci', '.']],
  typecheck: [['turbo', 'run', 'typecheck']],
  check: [
    ['biome', 'ci', '.'],
    ['turbo', 'run', 'typecheck', 'build'],
    ['node', 'tools/smoke-dist.mjs'],
    // Changeset files are read by a strict frontmatter parser; a reformatted one breaks releases.
    ['changeset', 'status'],
  ],
  format: [['biome', 'check', '--write', '.']],
};

const usage = `usage: node tools/toolchain.mjs <${Object.keys(tasks).join('|')}|install|pnpm ARGS…>`;

function fail(message) {
  console.error(`toolchain: ${message}`);
  process.exit(1);
}

function installedVersion(name) {
  const file = join(toolsDir, 'node_modules', name, 'package.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : undefined;
}

function nodeBinaryWorks() {
  const result = spawnSync(join(binDir, 'node'), ['--version'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() === `v${pinned.node}`;
}

/** Installs the pinned Node.js and pnpm from the npm registry into tools/node_modules, once. */
function ensureToolchain() {
  const ready =
    installedVersion('node') === pinned.node && installedVersion('pnpm') === pinned.pnpm && nodeBinaryWorks();
  if (ready) return;
  console.error(`toolchain: installing Node ${pinned.node} and pnpm ${pinned.pnpm} into tools/ (first run only)`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: toolsDir,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    fail('could not install the pinned toolchain with `npm ci` in tools/; check that the npm registry is reachable.');
  }
  if (!nodeBinaryWorks())
    fail(`tools/node_modules/.bin/node does not report v${pinned.node}; delete tools/node_modules and retry.`);
}

const env = {
  ...process.env,
  PATH: [binDir, join(rootDir, 'node_modules', '.bin'), process.env.PATH].join(delimiter),
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
};

// Ctrl+C signals the whole foreground process group, so the child gets its own SIGINT and decides how to
// stop (the ratchet CLI first records what finished). Left at their default, these signals would end this
// process at once, and npm would give the shell back while the child is still writing.
const stopSignals = ['SIGINT', 'SIGTERM'];
const ignore = () => {};

function run(command, args, options = {}) {
  for (const signal of stopSignals) process.on(signal, ignore);
  try {
    // A preparatory step (the build before `ratchet`) writes to stderr, so stdout is the command's own.
    const stdio = options.stdoutToStderr ? ['inherit', 2, 'inherit'] : 'inherit';
    const result = spawnSync(command, args, { cwd: rootDir, stdio, env });
    if (result.error) fail(`could not start ${command}: ${result.error.message}`);
    return exitStatus(result);
  } finally {
    for (const signal of stopSignals) process.off(signal, ignore);
  }
}

/** The child's exit code; a child ended by SIGINT or SIGTERM gives the shell's 128 + n (130, 143). */
function exitStatus(result) {
  if (result.status !== null) return result.status;
  return stopSignals.includes(result.signal) ? 128 + constants.signals[result.signal] : 1;
}

/** Whether a step ended because someone stopped it (Ctrl+C, `kill`): not a failure to explain. */
const stopped = (status) => stopSignals.some((signal) => status === 128 + constants.signals[signal]);

function pnpm(args, options = {}) {
  return run(join(binDir, 'node'), [join(toolsDir, 'node_modules', 'pnpm', 'bin', 'pnpm.cjs'), ...args], options);
}

function installWorkspace() {
  const status = pnpm(['install', '--frozen-lockfile', '--reporter=silent'], { stdoutToStderr: true });
  if (stopped(status)) process.exit(status);
  if (status !== 0) fail('`pnpm install --frozen-lockfile` failed (is pnpm-lock.yaml up to date?).');
}

/** Sums the per-package vitest JSON results into one plain closing line. */
function printTestTotals() {
  const totals = { passed: 0, failed: 0, skipped: 0, files: 0 };
  for (const group of ['packages', 'apps', '.']) {
    const groupDir = join(rootDir, group);
    if (!existsSync(groupDir)) continue;
    const names = group === '.' ? ['bench'] : readdirSync(groupDir);
    for (const name of names) {
      const file = join(groupDir, name, '.vitest', 'results.json');
      if (!existsSync(file)) continue;
      const result = JSON.parse(readFileSync(file, 'utf8'));
      totals.files += 1;
      totals.passed += result.numPassedTests;
      totals.failed += result.numFailedTests;
      totals.skipped += result.numPendingTests + result.numTodoTests;
    }
  }
  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  return totals;
}

/**
 * The PostgreSQL the store tests use, for the whole `test` run, said in one line: the one
 * RATCHET_TEST_POSTGRES_URL names, else a throwaway cluster (tools/postgres-test-server.mjs; stopped when
 * this process exits, also on failure or Ctrl+C), else — no server binaries, or RATCHET_TEST_POSTGRES=pglite —
 * PGlite, which the store suite then runs on instead of being skipped. turbo.json passes both variables on.
 */
async function provideTestPostgres() {
  if (env[urlVariable]) {
    env[modeVariable] = 'server';
    console.log(`toolchain: store tests use the PostgreSQL at ${describeUrl(env[urlVariable])} (${urlVariable})`);
    return undefined;
  }
  const bindir = env[modeVariable] === 'pglite' ? undefined : findServerBinaries(env);
  if (!bindir) {
    const why = env[modeVariable] === 'pglite' ? 'as asked' : 'no PostgreSQL server binaries found';
    env[modeVariable] = 'pglite';
    console.log(
      `toolchain: store tests run on PGlite, not a PostgreSQL server (${why}; ${modeVariable}=pglite; ` +
        `for a real server: apt-get install postgresql, or set ${urlVariable})`,
    );
    return undefined;
  }
  let server;
  try {
    server = await startPostgres({ bindir });
  } catch (error) {
    fail(`${error.message}\n(or run the store suite on PGlite: ${modeVariable}=pglite npm test)`);
  }
  env[urlVariable] = server.url;
  env[modeVariable] = 'server';
  console.log(
    `toolchain: store tests use a throwaway PostgreSQL ${serverVersion(bindir)} at ${server.url} ` +
      `(up in ${(server.startMs / 1000).toFixed(1)} s, removed after the tests)`,
  );
  return server;
}

const [task, ...given] = process.argv.slice(2);
// `node tools/toolchain.mjs demo -- --tasks 10` passes its `--` along, where npm would have dropped it.
const rest = given[0] === '--' ? given.slice(1) : given;
if (!task || !(task in tasks || task === 'install' || task === 'pnpm')) fail(usage);

ensureToolchain();
if (task === 'pnpm') process.exit(pnpm(rest));
const steps = tasks[task] ?? [];
// Hashed before the install and build, so a file edited while they run makes the next call build again.
const fingerprint = steps.includes(buildFirst) ? buildFingerprint(rootDir) : undefined;
const upToDate = fingerprint !== undefined && isUpToDate(rootDir, fingerprint);
if (!upToDate) installWorkspace();
if (task === 'install') process.exit(0);

const testPostgres = task === 'test' ? await provideTestPostgres() : undefined;
let status = 0;
for (const [index, step] of steps.entries()) {
  if (upToDate && step === buildFirst) continue;
  const [command, ...args] = step;
  // Extra arguments (`npm run demo -- --tasks 10`) go to the last step, the one the task is about.
  const argv = [...args, ...(index === steps.length - 1 ? rest : [])];
  // A Node step runs directly: on Ctrl+C `pnpm exec` SIGTERMs its child and dies without waiting, and
  // npm would give the shell back before the ratchet CLI has written its report. PATH already holds
  // the pinned Node and the workspace's bins.
  // Every step but the last prepares (builds): its output goes to stderr, so `npm run -s ratchet --
  // report --json` prints JSON alone on stdout.
  const options = { stdoutToStderr: index < steps.length - 1 };
  status = command === 'node' ? run(join(binDir, 'node'), argv, options) : pnpm(['exec', command, ...argv], options);
  if (status !== 0) break;
  if (step === buildFirst) writeStamp(rootDir, fingerprint);
}
if (task === 'test') {
  testPostgres?.stop();
  const totals = printTestTotals();
  if (status === 0 && totals.passed === 0) fail('no test ran.');
}
process.exit(status);
