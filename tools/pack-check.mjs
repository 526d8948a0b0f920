#!/usr/bin/env node
// The "used by downstream projects" promise, checked: packs every public workspace package the way it
// would be published (pnpm rewrites `workspace:*`), installs the tarballs with npm into an empty folder
// outside the repository (third-party dependencies from the registry), and uses them there as a user
// would: `npx ratchet --help`, `npx ratchet demo`, `ratchet validate` on a JSON and a TypeScript config,
// `ratchet run` with a command agent, `ratchet view` serving its page and script, and a library script
// that runs a benchmark through runBenchmark.
// Run it through the toolchain, after a build: `node tools/toolchain.mjs pack-check` (`--keep` keeps the folder).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packedPackageProblems } from './pack-check-manifest.mjs';

const toolsDir = dirname(fileURLToPath(import.meta.url));
const rootDir = dirname(toolsDir);
const fixturesDir = join(toolsDir, 'pack-check');
const keep = process.argv.includes('--keep');
const started = Date.now();

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

class PackCheckError extends Error {}

// npm run passes npm_config_* (the repository as the local prefix among them) and INIT_CWD to its
// children; an `npm install` in the empty folder must see none of them, or it installs into the repo.
const cleanEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'INIT_CWD' && key !== 'RATCHET_STORE'),
);

/** Runs a command to completion, capturing its output; throws with both streams when it fails. */
function sh(command, args, { cwd, expectStatus = 0, env = cleanEnv, timeoutMs = 300_000 } = {}) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 << 20 });
  const shown = `${command} ${args.join(' ')}`;
  if (result.error) throw new PackCheckError(`could not run \`${shown}\` in ${cwd}: ${result.error.message}`);
  if (result.status !== expectStatus) {
    throw new PackCheckError(
      `\`${shown}\` in ${cwd} exited ${result.status ?? result.signal}, expected ${expectStatus}\n` +
        `--- stdout (last 40 lines)\n${tail(result.stdout)}\n--- stderr (last 40 lines)\n${tail(result.stderr)}`,
    );
  }
  return result;
}

const tail = (text, lines = 40) => text.trimEnd().split('\n').slice(-lines).join('\n');

function expectIn(text, needle, what) {
  if (!text.includes(needle)) throw new PackCheckError(`${what}: expected "${needle}" in\n${tail(text)}`);
}

/** The workspace's packages that would be published: every one not marked private. */
function publicPackages() {
  const { stdout } = sh('pnpm', ['ls', '-r', '--depth', '-1', '--json'], { cwd: rootDir, env: process.env });
  return JSON.parse(stdout)
    .filter((entry) => !entry.private)
    .map((entry) => ({ name: entry.name, dir: entry.path }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The first `node` on PATH outside this repository (the machine's own, not the pinned one), if any. */
function machineNode() {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir || !isAbsolute(dir) || !relative(rootDir, dir).startsWith('..')) continue;
    const candidate = join(dir, process.platform === 'win32' ? 'node.exe' : 'node');
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** `npx` as a user types it, refusing to fetch anything (`--no`): the bin must come from the install. */
const npx = (args) => sh('npx', ['--no', '--', ...args], { cwd: project });

/** `npx ratchet view --port 0` in the project, until it prints its address; `stop` sends Ctrl+C. */
function serveViewer() {
  // Its own process group, so `stop` can do what Ctrl+C does: signal npx and the CLI under it together.
  const child = spawn('npx', ['--no', '--', 'ratchet', 'view', '--port', '0'], {
    cwd: project,
    env: cleanEnv,
    detached: true,
  });
  let output = '';
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      process.kill(-child.pid, 'SIGKILL');
      reject(new PackCheckError(`ratchet view printed no address in 60 s:\n${tail(output)}`));
    }, 60_000);
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk;
        const url = /^(http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(output)?.[1];
        if (url) {
          clearTimeout(timer);
          const stop = () => {
            process.kill(-child.pid, 'SIGINT');
            return exited;
          };
          resolve({ url, stop });
        }
      });
    }
    exited.then((code) => reject(new PackCheckError(`ratchet view exited ${code} early:\n${tail(output)}`)));
  });
}

const steps = [];
async function step(name, action) {
  const since = Date.now();
  process.stdout.write(`pack-check: ${name} … `);
  const detail = await action();
  const line = `ok (${seconds(since)})${detail ? ` — ${detail}` : ''}`;
  console.log(line);
  steps.push(name);
}

const workDir = mkdtempSync(join(tmpdir(), 'ratchet-pack-check-'));
const tarballDir = join(workDir, 'tarballs');
const project = join(workDir, 'project');
let failed = false;
try {
  if (!relative(rootDir, project).startsWith('..')) {
    throw new PackCheckError(`the temporary folder ${project} is inside the repository; set TMPDIR elsewhere`);
  }
  mkdirSync(tarballDir);
  mkdirSync(project);
  const packages = publicPackages();

  await step(`pnpm pack ${packages.length} public packages`, () => {
    for (const { dir } of packages)
      sh('pnpm', ['pack', '--pack-destination', tarballDir], { cwd: dir, env: process.env });
    const tarballs = readdirSync(tarballDir).filter((name) => name.endsWith('.tgz'));
    if (tarballs.length !== packages.length) {
      throw new PackCheckError(
        `expected ${packages.length} tarballs, found ${tarballs.length}: ${tarballs.join(', ')}`,
      );
    }
    return packages.map((entry) => entry.name).join(', ');
  });

  await step('npm install the tarballs into an empty folder', () => {
    sh('npm', ['init', '-y'], { cwd: project });
    const tarballs = readdirSync(tarballDir).map((name) => join(tarballDir, name));
    sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs], { cwd: project });
    return project;
  });

  await step('each installed package is complete (files, exports, types, README, LICENSE, dependencies)', () => {
    const problems = packages.flatMap(({ name }) => packedPackageProblems(join(project, 'node_modules', name)));
    if (problems.length > 0) throw new PackCheckError(problems.join('\n'));
  });

  // The configs name the stand-in agent by its absolute path: a command agent runs in a fresh work folder.
  for (const name of readdirSync(fixturesDir)) {
    const text = readFileSync(join(fixturesDir, name), 'utf8');
    const agent = JSON.stringify(join(project, 'agent.mjs'));
    writeFileSync(
      join(project, name),
      name.includes('.config.') ? text.replaceAll(/["']agent\.mjs["']/g, agent) : text,
    );
  }

  await step('npx ratchet --help', () => {
    const { stdout } = npx(['ratchet', '--help']);
    for (const command of ['demo', 'run', 'validate', 'report']) expectIn(stdout, command, 'ratchet --help');
  });

  await step('npx ratchet demo --tasks 5', () => {
    const args = ['ratchet', 'demo', '--tasks', '5', '--flywheel-generations', '1', '--flywheel-tasks', '5'];
    const { stdout } = npx(args);
    expectIn(stdout, 'Pre-registered primary contrast: steering', 'the demo report');
    expectIn(stdout, 'Reading: steering', 'the demo report');
    expectIn(stdout, 'Flywheel', 'the demo flywheel');
    const html = join(project, 'ratchet-demo.html');
    if (!existsSync(html)) throw new PackCheckError('the demo did not write ratchet-demo.html');
    expectIn(readFileSync(html, 'utf8'), 'Chart', 'ratchet-demo.html (chart.js inlined)');
    return stdout.split('\n').find((line) => line.startsWith('Reading:'));
  });

  await step('a library script: runBenchmark on dsl with @ratchet/runtime and @ratchet/environments', () => {
    const { stdout } = sh(process.execPath, ['library-run.mjs'], { cwd: project });
    expectIn(stdout, 'library: refine solved', 'library-run.mjs');
    return stdout.trim().split('\n').join('; ');
  });

  await step('npx ratchet validate ratchet.config.json (no TypeScript)', () => {
    npx(['ratchet', 'validate', 'ratchet.config.json']);
  });

  await step("npx ratchet validate ratchet.config.ts (defineConfig from '@ratchet/config')", () => {
    npx(['ratchet', 'validate', 'ratchet.config.ts']);
    npx(['ratchet', 'validate', 'alias.config.ts']);
  });

  await step('npx ratchet run ratchet.config.json (a command agent), then ratchet report --json', () => {
    npx(['ratchet', 'run', 'ratchet.config.json']);
    const { stdout } = npx(['ratchet', 'report', '--json']);
    const arms = JSON.parse(stdout).summary?.arms ?? [];
    const solved = arms.map((arm) => `${arm.armId} ${arm.resolved}/${arm.cells}`).join(', ');
    if (arms.length !== 2 || arms.some((arm) => arm.resolved !== 3)) {
      throw new PackCheckError(`the stand-in agent answers all 3 tasks, but report --json says: ${solved || stdout}`);
    }
    return `report --json: ${solved} solved`;
  });

  await step('npx ratchet view: the page, its script and the API answer from the installed package', async () => {
    const served = await serveViewer();
    try {
      const page = await (await fetch(served.url)).text();
      const script = /<script[^>]+src="([^"]+)"/.exec(page)?.[1];
      if (!script) throw new PackCheckError(`the viewer's index.html names no script:\n${tail(page)}`);
      const asset = await fetch(new URL(script, served.url));
      if (!asset.ok)
        throw new PackCheckError(`the viewer's script ${script} answered ${asset.status}: is dist/app packed?`);
      const runs = await (await fetch(new URL('api/runs', served.url))).json();
      return `${served.url} · ${script} · ${runs.runs.length} runs listed`;
    } finally {
      await served.stop();
    }
  });

  await step('npx ratchet-autoloop --help', () => {
    const { stdout } = npx(['ratchet-autoloop', '--help']);
    expectIn(stdout, '--target', 'ratchet-autoloop --help');
  });

  const oldNode = machineNode();
  const oldVersion = oldNode && sh(oldNode, ['--version'], { cwd: project }).stdout.trim();
  const [major, minor] = (oldVersion ?? 'v0.0').slice(1).split('.').map(Number);
  if (oldNode && (major < 22 || (major === 22 && minor < 13))) {
    await step(`the installed CLI under the machine's Node ${oldVersion} says what it needs`, () => {
      const cli = join(project, 'node_modules', '@ratchet', 'bench', 'dist', 'cli.js');
      const { stderr } = sh(oldNode, [cli, '--help'], { cwd: project, expectStatus: 1 });
      expectIn(stderr, 'ratchet needs Node.js 22.13 or newer', `${oldNode} ${cli}`);
    });
  }
  console.log(`pack-check: ${steps.length} checks passed in ${seconds(started)}`);
} catch (error) {
  failed = true;
  console.log('FAILED');
  console.error(`pack-check: ${error instanceof PackCheckError ? error.message : error.stack}`);
  console.error(`pack-check: the folder is kept for a look: ${workDir}`);
} finally {
  if (!failed && !keep) rmSync(workDir, { recursive: true, force: true });
  else if (!failed) console.log(`pack-check: kept ${workDir}`);
}
process.exit(failed ? 1 : 0);
