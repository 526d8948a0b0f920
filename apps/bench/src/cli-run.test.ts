import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplesDir, packageDir, ratchet, writeSlowDslConfig } from './test/ratchet-cli';

const scratch = () => mkdtempSync(join(tmpdir(), 'ratchet-run-'));

/** Starts `ratchet …` and sends `signal` once stderr shows a progress line matching `when`. */
async function killWhen(args: string[], when: RegExp, signal: NodeJS.Signals) {
  const child = ratchet(args, { env: { NO_COLOR: '1' } });
  let stderr = '';
  let sent = false;
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (!sent && when.test(stderr)) sent = child.kill(signal);
  });
  const result = await child;
  return { ...result, stderr };
}

const packageExample = (name: string) => join(packageDir, '..', '..', 'packages/environments/examples', name);

/** A config running a scripted agent CLI from src/fixtures (`{message}` as its argument) at random@2 and refine@2. */
const agentConfig = (environment: object, agent: string, extra: object = {}) =>
  JSON.stringify({
    environment,
    worker: {
      kind: 'command',
      id: agent,
      command: process.execPath,
      args: [join(packageDir, 'src/fixtures', `${agent}.mjs`), '{message}'],
    },
    arms: [
      { strategy: 'random', k: 2 },
      { strategy: 'refine', k: 2 },
    ],
    ...extra,
  });

const cellLines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.includes('"kind":"cell"'));

describe('ratchet run', () => {
  it('survives Ctrl+C and SIGKILL, resumes without repeating a cell, and reports the same after export and import', async () => {
    const dir = scratch();
    const { config, store } = writeSlowDslConfig(dir);

    // 1. Ctrl+C after the first progress line: exit 130, the partial report, and how to resume.
    const first = await killWhen(['--store', store, 'run', config], /^cells \d+\/24/m, 'SIGINT');
    expect(first.exitCode).toBe(130);
    expect(first.stdout).toContain('Interrupted: every finished cell is recorded');
    const resume = /Resume with:\n {2}(.+)/.exec(first.stdout)?.[1] ?? '';
    const runId = /--run-id (\S+)/.exec(resume)?.[1] ?? '';
    expect(runId).toMatch(/^dsl-[0-9a-f]{10}$/);
    expect(resume).toBe(`ratchet --store ${store} run ${config} --run-id ${runId}`);
    const early = join(dir, 'early.jsonl');
    expect((await ratchet(['--store', store, 'corpus', 'export', '--run', runId, early])).exitCode).toBe(0);
    const earlyCells = cellLines(early);
    expect(earlyCells.length).toBeGreaterThan(0);
    expect(earlyCells.length).toBeLessThan(24);

    // 2. The printed command resumes; SIGKILL it mid-way (no chance to clean up).
    const resumeArgs = resume.split(' ').slice(1);
    const second = await killWhen(resumeArgs, /done before\)/, 'SIGKILL');
    expect(second.signal).toBe('SIGKILL');
    expect(second.stderr).toContain(`(${earlyCells.length} done before)`);

    // 3. Resume to the end: every cell once, the cells of the first invocation untouched.
    const third = await ratchet(resumeArgs);
    expect(third.exitCode).toBe(0);
    expect(third.stdout).toMatch(new RegExp(`Run ${runId} · dsl · completed \\(\\d+/\\d+ cells recorded\\)`));
    const full = join(dir, 'full.jsonl');
    expect((await ratchet(['--store', store, 'corpus', 'export', '--run', runId, full])).exitCode).toBe(0);
    const fullCells = cellLines(full);
    expect(fullCells).toHaveLength(24);
    expect(new Set(fullCells.map((line) => JSON.parse(line).cellId)).size).toBe(24);
    for (const line of earlyCells) expect(fullCells).toContain(line);

    // 4. The report reads the same from a fresh store that imported the export.
    const report = await ratchet(['--store', store, 'report', runId, '--json']);
    const fresh = `sqlite:${join(dir, 'fresh.db')}`;
    expect((await ratchet(['--store', fresh, 'corpus', 'import', full])).exitCode).toBe(0);
    const again = await ratchet(['--store', fresh, 'report', runId, '--json']);
    expect(again.exitCode).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual(JSON.parse(report.stdout));
    expect(JSON.parse(report.stdout).summary.arms.map((arm: { cells: number }) => arm.cells)).toEqual([12, 12]);
    const terminal = await ratchet(['--store', fresh, 'report', runId]);
    expect(terminal.stdout).toContain('Pre-registered primary contrast: steering = refine@2 − random@2');
  }, 180_000);

  it('prints the plan on --dry-run and records nothing', async () => {
    const dir = scratch();
    const store = join(dir, 'corpus.db');
    const plan = await ratchet([
      '--store',
      `sqlite:${store}`,
      'run',
      join(examplesDir, 'dsl.config.json'),
      '--dry-run',
    ]);
    expect(plan.exitCode).toBe(0);
    for (const text of [
      'dry run: nothing runs, nothing is recorded',
      'tasks       40 (train)',
      'cells       200',
      'attempts    at most 680',
      'cost        no money: the built-in solver runs on this machine',
      'primary     steering = refine@4 − continue@4 (pre-registered)',
      'preflight   ok',
    ]) {
      expect(plan.stdout).toContain(text);
    }
    expect(existsSync(store)).toBe(false);
  }, 60_000);

  it('stops at preflight, before any cell, when the model endpoint or the agent CLI is missing', async () => {
    const store = `sqlite:${join(scratch(), 'corpus.db')}`;
    const compat = await ratchet(['--store', store, 'run', join(examplesDir, 'arithmetic.compat.config.json')]);
    expect(compat.exitCode).toBe(1);
    expect(compat.stderr).toContain(
      'ratchet: preflight failed, nothing ran: worker model compat:http://localhost:11434/v1#qwen3: the endpoint http://localhost:11434/v1/models could not be reached; start the server',
    );
    const claude = await ratchet(['--store', store, 'run', join(examplesDir, 'js-tasks.claude-code.config.json')], {
      env: { PATH: dirname(process.execPath) },
    });
    expect(claude.exitCode).toBe(1);
    expect(claude.stderr).toContain(
      'worker "claude-code" needs the command "claude", which is not on PATH; install it (npm install -g @anthropic-ai/claude-code)',
    );
    const report = await ratchet(['--store', store, 'report']);
    // Nothing ran, so nothing was recorded: the store was not even created.
    expect(report.stderr).toContain('there is no corpus at');
  }, 60_000);

  it('refuses a bad config with exit 2, naming the file, field and line', async () => {
    const dir = scratch();
    const config = join(dir, 'ratchet.config.json');
    writeFileSync(config, '{\n  "environment": { "kind": "sat" },\n  "arms": [{ "strategy": "refine", "k": 0 }]\n}\n');
    const result = await ratchet(['run', config], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      `ratchet: ${config} is not a valid ratchet configuration:\n  arms[0].k (line 3): must be a whole number ≥ 1`,
    );
    const none = await ratchet(['run'], { cwd: scratch() });
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('no config file in');
  }, 60_000);

  it('validates a task directory and a dataset through their configs, exit 1 when a task is broken', async () => {
    const result = await ratchet(['validate', join(examplesDir, 'js-tasks.claude-code.config.json')]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('4 of 4 tasks ok.');

    // A dataset whose answer the judge cannot use: reported per task, exit 1.
    const dir = scratch();
    writeFileSync(
      join(dir, 'qa.jsonl'),
      '{"id":"ok","input":"2+2?","expected":4}\n{"id":"worded","input":"2+3?","expected":"five"}\n',
    );
    writeFileSync(
      join(dir, 'ratchet.config.json'),
      JSON.stringify({
        environment: { kind: 'jsonl', path: 'qa.jsonl' },
        judge: { kind: 'numeric' },
        worker: 'openai:gpt-4o-mini',
      }),
    );
    const bad = await ratchet(['validate'], { cwd: dir });
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toContain('1 of 2 tasks ok, 1 with problems.');
    expect(bad.stderr).toContain('1 of 2 tasks in');
    const json = JSON.parse((await ratchet(['validate', '--json'], { cwd: dir })).stdout);
    expect(json.tasks.map((task: { taskId: string; ok: boolean }) => [task.taskId, task.ok])).toEqual([
      ['ok', true],
      ['worded', false],
    ]);
  }, 60_000);

  it('compares two runs arm by arm on shared tasks', async () => {
    // The config's store (relative to the config) serves `report` too, when run in the config's folder.
    const dir = scratch();
    writeFileSync(
      join(dir, 'ratchet.config.json'),
      JSON.stringify({
        environment: { kind: 'sim', count: 30, effects: { 'refine@4': 0.2 } },
        seed: 1,
        runId: 'sim-a',
        store: 'sqlite:results/corpus.db',
      }),
    );
    expect((await ratchet(['run'], { cwd: dir })).exitCode).toBe(0);
    expect((await ratchet(['run', '--seed', '2', '--run-id', 'sim-b'], { cwd: dir })).exitCode).toBe(0);
    expect(existsSync(join(dir, 'results', 'corpus.db'))).toBe(true);
    const store = `sqlite:${join(dir, 'results', 'corpus.db')}`;
    const compared = await ratchet(['report', '--compare', 'sim-a', 'sim-b'], { cwd: dir });
    expect(compared.exitCode).toBe(0);
    expect(compared.stdout).toContain('sim-b − sim-a');
    expect(compared.stdout).toMatch(/│ random@4 +│/);
    expect(compared.stdout).toMatch(/│ refine@4 +│/);
    expect(compared.stdout).toContain('seed: "1" → "2"');
    const json = JSON.parse(
      (await ratchet(['--store', store, 'report', '--compare', 'sim-a', 'sim-b', '--json'])).stdout,
    );
    expect(json.contrasts.map((c: { n: number }) => c.n)).toEqual([30, 30]);
  }, 60_000);

  it('runs a command-line agent on a JSON Lines dataset through a config, and scores it with the dataset judge', async () => {
    const dir = scratch();
    const store = `sqlite:${join(dir, 'corpus.db')}`;
    const config = join(dir, 'ratchet.config.json');
    writeFileSync(
      config,
      agentConfig({ kind: 'jsonl', path: packageExample('arithmetic.jsonl') }, 'arithmetic-agent', {
        judge: { kind: 'numeric', parse: 'last-number' },
      }),
    );
    const plan = await ratchet(['--store', store, 'run', config, '--dry-run']);
    expect(plan.stdout).toContain(
      'cost        unknown: no priced attempt by this worker in the corpus yet; no spend cap',
    );
    expect(plan.stdout).toContain(`preflight   ok (worker command: ${process.execPath})`);

    const solvedOf = async (split: string) => {
      const run = await ratchet(['--store', store, 'run', config, '--split', split]);
      expect(run.exitCode, run.stderr).toBe(0);
      const runId = /Run (\S+) · jsonl-dataset/.exec(run.stdout)?.[1] ?? '';
      const report = JSON.parse((await ratchet(['--store', store, 'report', runId, '--json'])).stdout);
      expect(report.manifest.worker).toEqual({ id: 'arithmetic-agent' });
      return report.summary.arms.map((arm: { armId: string; resolved: number; cells: number }) => [
        arm.armId,
        arm.resolved,
        arm.cells,
      ]);
    };
    // The agent adds, subtracts and multiplies (the train split) and fails the val split's division and root.
    expect(await solvedOf('train')).toEqual([
      ['random@2', 3, 3],
      ['refine@2', 3, 3],
    ]);
    expect(await solvedOf('val')).toEqual([
      ['random@2', 0, 2],
      ['refine@2', 0, 2],
    ]);
  }, 60_000);

  it('steers a command-line coding agent on a task directory: refine fixes what random repeats', async () => {
    const dir = scratch();
    const store = `sqlite:${join(dir, 'corpus.db')}`;
    writeFileSync(
      join(dir, 'ratchet.config.json'),
      agentConfig({ kind: 'task-directory', path: packageExample('js-tasks') }, 'clamp-agent', { concurrency: 2 }),
    );
    const run = await ratchet(['--store', store, 'run'], { cwd: dir });
    expect(run.exitCode, run.stderr).toBe(0);
    const report = JSON.parse((await ratchet(['--store', store, 'report', '--json'])).stdout);
    const arms = report.summary.arms.map(
      (arm: { armId: string; resolved: number; cells: number; attempts: number }) => [
        arm.armId,
        arm.resolved,
        arm.cells,
        arm.attempts,
      ],
    );
    // Train: clamp, fizzbuzz, is-palindrome. random@2 tries the same wrong clamp twice; refine@2's second
    // attempt gets the failing visible test as a steer and fixes it. The other tasks are never solved.
    expect(arms).toEqual([
      ['random@2', 0, 3, 6],
      ['refine@2', 1, 3, 6],
    ]);
    const [steering] = report.summary.contrasts;
    expect(steering).toMatchObject({ name: 'steering', n: 3 });
    expect(steering.estimate).toBeCloseTo(1 / 3, 12);
  }, 90_000);
});
