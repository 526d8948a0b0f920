#!/usr/bin/env node
// A throwaway PostgreSQL cluster for tests and CI (issue 19): the store tests need a real server, and the
// README's test command must still do all the set-up. `node tools/toolchain.mjs test` starts one with
// this module when RATCHET_TEST_POSTGRES_URL is not set, and stops it after.
//
// The cluster lives in one temp folder (data dir, log, Unix socket), listens on 127.0.0.1 only, on a port
// the OS just handed out, with trust auth, UTF8 and the C locale (sorting does not depend on the machine),
// and fsync off: it is thrown away, so durability only costs time. PostgreSQL refuses to run as root, so
// under root initdb and pg_ctl run as the `postgres` user (runuser, or su), which then owns the folder.
// pg_ctl puts the server in its own session, so the Ctrl+C meant for the tests does not stop it under them;
// the process that started it stops it: on stop(), on exit (also after an uncaught error), SIGINT, SIGTERM.
//
// Plain JavaScript with no dependencies, like tools/toolchain.mjs, which imports it and runs on Node 18+.
//
//   node tools/postgres-test-server.mjs run -- <command…>   start, run the command with
//                                                          RATCHET_TEST_POSTGRES_URL set, stop, pass its code on
//   node tools/postgres-test-server.mjs start               start and print RATCHET_TEST_POSTGRES_URL=…; the
//                                                          server outlives this process until `stop DIR`
//   node tools/postgres-test-server.mjs stop DIR            stop a cluster `start` left, remove its folder
//   node tools/postgres-test-server.mjs bindir              print the server binaries' folder; exit 1 if none
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { constants, tmpdir } from 'node:os';
import { basename, delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The variable the store tests read the server's URL from. */
export const urlVariable = 'RATCHET_TEST_POSTGRES_URL';
/** `pglite` when the store suite runs on PGlite (no server binaries, or asked for); `server` otherwise. */
export const modeVariable = 'RATCHET_TEST_POSTGRES';
/** Overrides where the server binaries are looked for (a folder holding initdb and pg_ctl). */
export const bindirVariable = 'RATCHET_POSTGRES_BINDIR';

const folderPrefix = 'ratchet-pg-';
const markerFile = 'ratchet-postgres-test-server';
const stopSignals = ['SIGINT', 'SIGTERM'];

/** A cluster that could not be started or stopped; the message says what failed, where, and what to do. */
export class PostgresTestServerError extends Error {
  name = 'PostgresTestServerError';
}

const hasServerBinaries = (dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'));

/**
 * The folder holding initdb and pg_ctl, or undefined: $RATCHET_POSTGRES_BINDIR, then Debian's
 * /usr/lib/postgresql/<major>/bin (newest major first; Debian keeps them off PATH), then
 * `pg_config --bindir`, then PATH.
 */
export function findServerBinaries(env = process.env) {
  if (env[bindirVariable]) return hasServerBinaries(env[bindirVariable]) ? env[bindirVariable] : undefined;
  const debian = '/usr/lib/postgresql';
  const majors = existsSync(debian)
    ? readdirSync(debian)
        .filter((name) => /^\d+(\.\d+)?$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const candidates = majors.map((major) => join(debian, major, 'bin'));
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (pgConfig.status === 0) candidates.push(pgConfig.stdout.trim());
  candidates.push(...(env.PATH ?? '').split(delimiter).filter(Boolean));
  return candidates.find(hasServerBinaries);
}

/** Under root, who runs the server (PostgreSQL refuses root) and how; otherwise the current user, directly. */
function serverUser() {
  if (process.getuid?.() !== 0) return undefined;
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) {
    throw new PostgresTestServerError(
      'PostgreSQL refuses to run as root, and there is no `postgres` user to run the test server as; ' +
        'create one (`useradd --system postgres`), run the tests as another user, or set RATCHET_TEST_POSTGRES_URL.',
    );
  }
  const runuser = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find(existsSync);
  return { uid: Number(uid.stdout), gid: Number(gid.stdout), runuser };
}

/** Runs a server binary as the server's user; returns spawnSync's result. */
function runAs(user, binary, args, cwd) {
  const options = { cwd, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } };
  if (!user) return spawnSync(binary, args, options);
  if (user.runuser) return spawnSync(user.runuser, ['-u', 'postgres', '--', binary, ...args], options);
  const quoted = [binary, ...args].map((word) => `'${word.replaceAll("'", "'\\''")}'`).join(' ');
  return spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', quoted], options);
}

/** A loopback port the OS just handed out; PostgreSQL binds it a moment later (a lost race is retried). */
function freePort() {
  return new Promise((done, failed) => {
    const server = createServer();
    server.once('error', failed);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

const output = (result) => `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
const logOf = (folder) =>
  existsSync(join(folder, 'server.log')) ? readFileSync(join(folder, 'server.log'), 'utf8') : '';

/** Stops the cluster in `folder` (if it runs) and removes the folder; never throws, reports what it left. */
function stopCluster(folder, bindir, user) {
  const data = join(folder, 'data');
  if (existsSync(join(data, 'postmaster.pid'))) {
    // Immediate: nothing in a throwaway cluster is worth a shutdown checkpoint.
    const stopped = runAs(user, join(bindir, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], folder);
    if (stopped.status !== 0 && existsSync(join(data, 'postmaster.pid'))) {
      // The pid this cluster's postmaster wrote; kill only that one, so its folder can go.
      const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      if (pid > 0) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {}
      }
    }
  }
  rmSync(folder, { recursive: true, force: true });
  if (existsSync(folder)) console.error(`postgres-test-server: could not remove ${folder}; remove it by hand.`);
}

/**
 * Starts a throwaway cluster and returns its URL and a synchronous, idempotent `stop()` that removes every
 * trace. Unless `keep` is set, it is also stopped when this process exits or gets SIGINT/SIGTERM.
 * Throws PostgresTestServerError when no server binaries exist or the server does not come up.
 */
export async function startPostgres({ bindir = findServerBinaries(), keep = false, attempts = 3 } = {}) {
  if (!bindir) {
    throw new PostgresTestServerError(
      'no PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql/*/bin, `pg_config --bindir` or ' +
        `PATH; install them (Debian: apt-get install postgresql) or set ${bindirVariable}.`,
    );
  }
  const started = Date.now();
  const user = serverUser();
  const folder = mkdtempSync(join(tmpdir(), folderPrefix));
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    for (const signal of stopSignals) process.off(signal, onSignal);
    stopCluster(folder, bindir, user);
  };
  // Stop, then end as the signal would have, unless the host listens for it too and decides itself.
  function onSignal(signal) {
    stop();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  }
  // Installed first, so a Ctrl+C during initdb or start-up leaves no folder and no server behind.
  process.on('exit', stop);
  for (const signal of stopSignals) process.on(signal, onSignal);
  try {
    writeFileSync(join(folder, markerFile), `${bindir}\n`);
    if (user) {
      const owned = spawnSync('chown', ['-R', `${user.uid}:${user.gid}`, folder], { encoding: 'utf8' });
      if (owned.status !== 0) throw new PostgresTestServerError(`could not chown ${folder}: ${output(owned)}`);
    }
    const data = join(folder, 'data');
    const initdb = runAs(
      user,
      join(bindir, 'initdb'),
      ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync'],
      folder,
    );
    if (initdb.status !== 0) {
      throw new PostgresTestServerError(`initdb (${bindir}) failed in ${data}:\n${output(initdb)}`);
    }
    for (let attempt = 1; ; attempt += 1) {
      const port = await freePort();
      const settings = [
        `listen_addresses = '127.0.0.1'`,
        `port = ${port}`,
        `unix_socket_directories = '${folder}'`,
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        // Tests with many writer processes and pg-boss workers each hold a pool.
        'max_connections = 200',
      ];
      appendFileSync(join(data, 'postgresql.conf'), `\n# tools/postgres-test-server.mjs\n${settings.join('\n')}\n`);
      const log = join(folder, 'server.log');
      const start = runAs(user, join(bindir, 'pg_ctl'), ['-D', data, '-l', log, '-w', '-t', '60', 'start'], folder);
      if (start.status === 0) {
        const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
        return { url, port, folder, bindir, startMs: Date.now() - started, stop };
      }
      const lost = /could not bind|address already in use/i.test(logOf(folder));
      if (!lost || attempt >= attempts) {
        throw new PostgresTestServerError(
          `pg_ctl start (${bindir}) failed for ${data} on 127.0.0.1:${port}:\n${output(start)}\n${logOf(folder).slice(-2000)}`,
        );
      }
    }
  } catch (error) {
    // A Ctrl+C that made initdb or pg_ctl fail is still queued: let it run onSignal (stop, then end as
    // the signal would) rather than report the interrupted step as a failure.
    await new Promise((resume) => setTimeout(resume, 20));
    stop();
    throw error;
  } finally {
    if (keep) {
      process.off('exit', stop);
      for (const signal of stopSignals) process.off(signal, onSignal);
    }
  }
}

/** A short description of a URL for logs: host, port and database, never a password. */
export function describeUrl(url) {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.username ? `${parsed.username}@` : ''}${parsed.host}${parsed.pathname}`;
  } catch {
    return 'an unparseable URL';
  }
}

/** The server's major version, from the binaries' folder (Debian: /usr/lib/postgresql/15/bin). */
export function serverVersion(bindir) {
  const result = spawnSync(join(bindir, 'pg_ctl'), ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim().replace(/^pg_ctl \(PostgreSQL\) /, '') : 'unknown version';
}

function exitCode(result) {
  if (result.status !== null) return result.status;
  return result.signal in constants.signals ? 128 + constants.signals[result.signal] : 1;
}

async function main([command, ...args]) {
  const say = (line) => console.error(`postgres-test-server: ${line}`);
  if (command === 'bindir') {
    const bindir = findServerBinaries();
    if (bindir) console.log(bindir);
    return bindir ? 0 : 1;
  }
  if (command === 'stop') {
    const folder = args[0] && resolve(args[0]);
    if (!folder || !basename(folder).startsWith(folderPrefix) || !existsSync(join(folder, markerFile))) {
      say(`usage: stop DIR, where DIR is the folder \`start\` printed (${join(tmpdir(), `${folderPrefix}…`)})`);
      return 2;
    }
    stopCluster(folder, readFileSync(join(folder, markerFile), 'utf8').trim(), serverUser());
    say(`stopped and removed ${folder}`);
    return 0;
  }
  if (command === 'start') {
    const server = await startPostgres({ keep: true });
    console.log(`${urlVariable}=${server.url}`);
    say(`PostgreSQL ${serverVersion(server.bindir)} up in ${server.startMs} ms; stop it with:`);
    say(`  node tools/postgres-test-server.mjs stop ${server.folder}`);
    return 0;
  }
  if (command === 'run' && args[0] === '--' && args.length > 1) {
    const server = await startPostgres();
    say(
      `PostgreSQL ${serverVersion(server.bindir)} at ${server.url} (data dir ${server.folder}, up in ${server.startMs} ms)`,
    );
    // Ctrl+C reaches the command (same process group); this process waits for it, then stops the server.
    for (const signal of stopSignals) process.on(signal, () => {});
    const result = spawnSync(args[1], args.slice(2), {
      stdio: 'inherit',
      env: { ...process.env, [urlVariable]: server.url, [modeVariable]: 'server' },
    });
    const stopping = Date.now();
    server.stop();
    say(`stopped and removed in ${Date.now() - stopping} ms`);
    if (result.error) {
      say(`could not start ${args[1]}: ${result.error.message}`);
      return 127;
    }
    return exitCode(result);
  }
  say('usage: node tools/postgres-test-server.mjs run -- <command…> | start | stop DIR | bindir');
  return 2;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`postgres-test-server: ${error instanceof PostgresTestServerError ? error.message : error.stack}`);
      process.exit(1);
    },
  );
}
