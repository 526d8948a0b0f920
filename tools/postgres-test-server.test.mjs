// Run with `node --test tools/*.test.mjs` (part of `npm test`). Starts real clusters (about 1 s each) and talks
// to them with psql from the same bindir: tools/ has no dependencies, so no `pg` client here.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { describeUrl, findServerBinaries, startPostgres } from './postgres-test-server.mjs';

const script = fileURLToPath(new URL('./postgres-test-server.mjs', import.meta.url));
const bindir = findServerBinaries();
// .ci/run installs Debian's server when it is missing, so CI always runs these.
const needsServer = { skip: bindir ? false : 'no PostgreSQL server binaries (apt-get install postgresql)' };

/** Runs SQL through psql from the server's own bindir; returns the unaligned rows. */
function sql(url, statement) {
  const result = spawnSync(join(bindir, 'psql'), [url, '-X', '-v', 'ON_ERROR_STOP=1', '-Atc', statement], {
    encoding: 'utf8',
    env: { ...process.env, PGCONNECT_TIMEOUT: '10' },
  });
  assert.equal(result.status, 0, `psql failed: ${result.stderr}`);
  return result.stdout.trim();
}

/** Whether a process runs; an exited one its (container's) init has not reaped yet counts as gone. */
const alive = (pid) => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = `/proc/${pid}/stat`;
  return !existsSync(stat) || readFileSync(stat, 'utf8').split(') ')[1]?.[0] !== 'Z';
};

test('a started cluster takes a table and rows, and stop removes the server and its folder', needsServer, async () => {
  const server = await startPostgres();
  let pid;
  try {
    assert.match(server.url, /^postgresql:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
    pid = Number(readFileSync(join(server.folder, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
    sql(server.url, 'CREATE TABLE attempts (id text PRIMARY KEY, score real)');
    sql(server.url, "INSERT INTO attempts VALUES ('a', 0.5), ('b', 1)");
    assert.equal(sql(server.url, 'SELECT id || $$=$$ || score FROM attempts ORDER BY id'), 'a=0.5\nb=1');
    assert.equal(sql(server.url, 'SHOW server_encoding'), 'UTF8');
    assert.equal(sql(server.url, 'SHOW fsync'), 'off');
  } finally {
    server.stop();
  }
  assert.equal(existsSync(server.folder), false, 'the temp folder is gone');
  assert.equal(alive(pid), false, `the postmaster ${pid} is gone`);
  server.stop(); // idempotent
});

test('two clusters at once get different ports and separate data', needsServer, async () => {
  const first = await startPostgres();
  try {
    const second = await startPostgres();
    try {
      assert.notEqual(first.port, second.port);
      sql(first.url, 'CREATE TABLE only_in_first (x int)');
      assert.equal(sql(first.url, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_first'"), '1');
      assert.equal(sql(second.url, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_first'"), '0');
    } finally {
      second.stop();
    }
  } finally {
    first.stop();
  }
});

/** `node postgres-test-server.mjs run -- …`, as a child; resolves with its exit code and output. */
function runCli(args) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [script, 'run', '--', ...args], { encoding: 'utf8' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

test(
  '`run --` started twice in parallel gives each command its own server and passes its exit code on',
  needsServer,
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-run-'));
    try {
      // The command records the URL it got, proves the server answers, and ends with a code of its own.
      const command = join(dir, 'command.sh');
      writeFileSync(
        command,
        `"${join(bindir, 'psql')}" "$RATCHET_TEST_POSTGRES_URL" -XAtc 'SELECT 41 + 1' || exit 99\n` +
          'echo "$RATCHET_TEST_POSTGRES $RATCHET_TEST_POSTGRES_URL"\nexit "$1"\n',
      );
      const [a, b] = await Promise.all([runCli(['sh', command, '3']), runCli(['sh', command, '0'])]);
      assert.equal(a.code, 3, a.stderr);
      assert.equal(b.code, 0, b.stderr);
      const [answerA, lineA] = a.stdout.trim().split('\n');
      const [answerB, lineB] = b.stdout.trim().split('\n');
      assert.deepEqual([answerA, answerB], ['42', '42']);
      const [modeA, urlA] = lineA.split(' ');
      const [modeB, urlB] = lineB.split(' ');
      assert.deepEqual([modeA, modeB], ['server', 'server']);
      assert.notEqual(new URL(urlA).port, new URL(urlB).port);
      for (const { stderr } of [a, b]) {
        const folder = stderr.match(/data dir (\S+)/)?.[1];
        assert.ok(folder, `the data dir is reported: ${stderr}`);
        assert.equal(existsSync(folder), false, `${folder} is removed`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

test('RATCHET_POSTGRES_BINDIR chooses the binaries, and a folder without initdb means none', () => {
  const empty = mkdtempSync(join(tmpdir(), 'pg-bindir-'));
  try {
    assert.equal(findServerBinaries({ RATCHET_POSTGRES_BINDIR: empty, PATH: '' }), undefined);
    if (bindir) assert.equal(findServerBinaries({ RATCHET_POSTGRES_BINDIR: bindir }), bindir);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});

test('a URL is described for logs without its password', () => {
  assert.equal(
    describeUrl('postgresql://ci:s3cret@db.example:5433/ratchet'),
    'postgresql://ci@db.example:5433/ratchet',
  );
  assert.equal(describeUrl('not a url'), 'an unparseable URL');
});
