import { defaultController } from '@ratchet/runtime';
import { createRng } from '@ratchet/stats';
import { describe, expect, it } from 'vitest';
import { noProposerUsage, type ProposalRequest } from '../proposers/proposer';
import { candidateOf } from './candidate-of';
import { ScriptExhaustedError } from './script-exhausted-error';
import { scriptedProposer, unmeasuredProposerUsage } from './scripted-proposer';

const parent = candidateOf(defaultController);
const request = (component: string): ProposalRequest => ({
  parent,
  component,
  schema: defaultController.schema,
  examples: [],
  rejected: new Set(),
  random: createRng(1),
});

describe('scriptedProposer', () => {
  it('answers in script order, records each request, and emits the usage it is told to', async () => {
    const proposer = scriptedProposer([
      { parameters: { ...defaultController.parameters, maxFindings: 3 }, note: 'fewer findings' },
      { invalid: 'truncated', usage: unmeasuredProposerUsage },
      { parameters: (r) => ({ ...r.parent.controller.parameters, closing: `${r.component}!` }) },
    ]);
    expect(await proposer.propose(request('maxFindings'))).toEqual({
      kind: 'proposal',
      parameters: { ...defaultController.parameters, maxFindings: 3 },
      note: 'fewer findings',
      usage: noProposerUsage,
    });
    expect(await proposer.propose(request('preamble'))).toEqual({
      kind: 'invalid',
      reason: 'truncated',
      usage: { calls: 1, tokensIn: null, tokensOut: null, usd: null, costProvenance: 'unknown' },
    });
    const third = await proposer.propose(request('closing'));
    expect(third).toMatchObject({ kind: 'proposal', note: 'scripted proposal 3', parameters: { closing: 'closing!' } });
    expect(proposer.requests.map((r) => r.component)).toEqual(['maxFindings', 'preamble', 'closing']);
  });

  it('throws a typed error when asked past the end of its script', async () => {
    const proposer = scriptedProposer([{ invalid: 'only one' }]);
    await proposer.propose(request('closing'));
    const error = await proposer.propose(request('closing')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScriptExhaustedError);
    expect((error as Error).message).toBe(
      'scriptedProposer: asked for proposal 2 but the script holds 1; add entries to the script or pass a function that answers every call',
    );
  });

  it('takes a function per call, a default usage, an id and components', async () => {
    const usage = { calls: 1, tokensIn: 10, tokensOut: 5, usd: 0.001, costProvenance: 'estimated' } as const;
    const proposer = scriptedProposer((_request, call) => ({ invalid: `call ${call}` }), {
      id: 'mock',
      reflective: true,
      usage,
      components: () => ['closing'],
    });
    expect(await proposer.propose(request('closing'))).toEqual({ kind: 'invalid', reason: 'call 0', usage });
    expect(proposer).toMatchObject({ id: 'mock', reflective: true });
    expect(proposer.components?.(parent)).toEqual(['closing']);
    expect(scriptedProposer([]).components).toBeUndefined();
  });
});
