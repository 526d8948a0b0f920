import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMockModelApi } from '@ratchet/workers/test';
import { describe, expect, it } from 'vitest';
import { autoloopInvocation } from '../cli/autoloop-flags';
import { loadConfiguredTarget } from '../cli/load-target';
import { runAutoloop } from '../cli/run-autoloop';
import { readLog } from '../state/read-log';

const example = fileURLToPath(new URL('../../examples/skill', import.meta.url));

/** The rewrite the stand-in model proposes: the house convention, stated. */
const betterSkill = [
  '# Commit messages',
  '',
  'Write the subject in the Conventional Commits form `type(scope): subject`, taking the type and scope',
  'from the change. Start the subject in lower-case, and keep the whole line to at most 72 characters.',
].join('\n');

/**
 * The skill example end to end, in process: the real config loader, the command worker running the
 * scripted agent (`agent.mjs`), the reflective proposer talking to a local stand-in for an
 * OpenAI-compatible API, the gate on the dataset's holdout, and the kept skill written to SKILL.md.
 */
describe('the autoloop on the skill example', () => {
  it('rewrites SKILL.md, gates the rewrite on the holdout, keeps it, and leaves the rest of the target alone', async () => {
    const api = await startMockModelApi({
      scenarios: (request) => {
        const prompt = JSON.stringify(request.body);
        return {
          kind: 'success',
          text: prompt.includes('The component to rewrite is `skill`')
            ? `Here is the new skill:\n\`\`\`\n${betterSkill}\n\`\`\``
            : 'No change.',
          usage: { input: 900, output: 120 },
        };
      },
    });
    try {
      const target = join(mkdtempSync(join(tmpdir(), 'skill-target-')), 'skill');
      cpSync(example, target, { recursive: true });
      const configFile = join(target, 'ratchet.config.json');
      const config = readFileSync(configFile, 'utf8').replace(
        '"anthropic:claude-sonnet-4-5"',
        JSON.stringify(`compat:${api.url}/v1#mock-model`),
      );
      writeFileSync(configFile, config);
      const before = readFileSync(join(target, 'SKILL.md'), 'utf8');
      const stateRoot = join(target, '..', 'state');
      const invocation = autoloopInvocation(
        {
          target,
          stateRoot,
          store: `sqlite:${join(target, '..', 'corpus.db')}`,
          maxIterations: '2',
          maxCost: '0',
          plateauWindow: '3',
          cooldownMinutes: '0',
          mode: 'single-run',
          maxConsecutiveErrors: '3',
          minImprovement: '0',
        },
        '/',
      );
      const lines: string[] = [];
      const stderr = { write: (text: string) => lines.push(...text.trimEnd().split('\n')) };
      const code = await runAutoloop({
        invocation,
        signal: new AbortController().signal,
        loadTarget: (loaded) => loadConfiguredTarget(loaded, stderr),
        stderr,
        commandLine: 'ratchet-autoloop',
      });
      expect(code, lines.join('\n')).toBe(0);

      const state = JSON.parse(readFileSync(join(stateRoot, 'autoloop_state.json'), 'utf8'));
      expect(state.status).toBe('stopped_max_iterations');
      const [first, second] = state.score_history;
      // Iteration 1: the rewrite passes every holdout task the first skill failed: kept.
      expect(first.decision).toBe('keep');
      expect(first.weighted_score).toBe(1);
      expect(first.ci[0]).toBeGreaterThan(0);
      // Iteration 2: the model proposes the same skill again, which is no candidate: nothing reaches the gate.
      expect(second.decision).toBe('reject');
      expect(second.candidate_id).toBeNull();

      // The kept skill is in SKILL.md, verbatim; the first one is in the state root; nothing else was written.
      expect(readFileSync(join(target, 'SKILL.md'), 'utf8')).toBe(betterSkill);
      expect(readFileSync(join(stateRoot, 'versions', 'iteration-1', 'SKILL.md'), 'utf8')).toBe(before);
      expect(existsSync(join(target, 'controller.json'))).toBe(false);
      expect((await readLog(stateRoot)).entries.map((entry) => entry.outcome.decision)).toEqual(['keep', 'reject']);
      // The proposer saw the agent's failing attempts, their steers carrying the first skill.
      const asked = api.requests.map((request) => JSON.stringify(request.body)).join('\n');
      expect(asked).toContain('Write a clear commit message that says what the change does.');
      expect(asked).toContain('Handle an empty input without crashing');
    } finally {
      await api.close();
    }
  }, 120_000);
});
