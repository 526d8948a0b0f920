import type { JsonValue } from '@ratchet/corpus';
import type { Worker } from '@ratchet/runtime';
import { redactJson, redactText, secretValues } from './redact-secrets';

/**
 * The same worker, with its outputs, trace events and failure (message and stderr) redacted before
 * the runtime records them: the values of secret-looking variables in `env` (the environment the
 * worker was given, by default this process's) and credential-shaped strings never reach the corpus.
 *
 * @example
 * const worker = withRedaction(claudeCode({ … }), { env: process.env });
 */
export function withRedaction<W extends Worker>(
  worker: W,
  options: { env?: Readonly<Record<string, string | undefined>> } = {},
): W {
  const secrets = secretValues(options.env ?? process.env);
  return {
    ...worker,
    async attempt(input, signal) {
      const result = await worker.attempt(input, signal);
      const { failure } = result;
      return {
        ...result,
        output: redactJson(result.output, { secrets }),
        events: result.events.map((event) => ({ ...event, data: redactJson(event.data as JsonValue, { secrets }) })),
        ...(failure === undefined
          ? {}
          : {
              failure: {
                ...failure,
                message: redactText(failure.message, { secrets }),
                ...(failure.stderr === undefined ? {} : { stderr: redactText(failure.stderr, { secrets }) }),
              },
            }),
      };
    },
  };
}
