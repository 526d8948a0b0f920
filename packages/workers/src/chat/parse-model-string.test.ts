import { describe, expect, it } from 'vitest';
import { WorkerConfigError } from '../worker-config-error';
import { parseModelString } from './parse-model-string';

describe('parseModelString', () => {
  it('reads the three forms', () => {
    expect(parseModelString('openai:gpt-4o-mini')).toEqual({ provider: 'openai', modelId: 'gpt-4o-mini' });
    expect(parseModelString('anthropic:claude-sonnet-4-0')).toEqual({
      provider: 'anthropic',
      modelId: 'claude-sonnet-4-0',
    });
    expect(parseModelString('compat:http://localhost:11434/v1/#qwen3:8b')).toEqual({
      provider: 'compat',
      baseURL: 'http://localhost:11434/v1',
      modelId: 'qwen3:8b',
    });
    expect(parseModelString('compat:https://openrouter.ai/api/v1#meta-llama/llama-3.3-70b-instruct')).toMatchObject({
      baseURL: 'https://openrouter.ai/api/v1',
      modelId: 'meta-llama/llama-3.3-70b-instruct',
    });
  });

  it.each([
    ['gpt-4o', /has no provider prefix/],
    ['google:gemini-2.5-pro', /unknown provider "google"/],
    ['openai:', /no valid model name/],
    ['compat:http://localhost:11434/v1', /no #<model>/],
    ['compat:localhost:11434#qwen3', /no valid http\(s\) base URL/],
  ])('refuses %s, saying the expected forms', (modelString, why) => {
    expect(() => parseModelString(modelString)).toThrow(WorkerConfigError);
    expect(() => parseModelString(modelString)).toThrow(why);
    expect(() => parseModelString(modelString)).toThrow(/expected openai:<model> .*compat:<base URL>#<model>/);
  });
});
