import type { Env } from '../chat/provider-credentials';
import type { CliProbe } from './cli-probe';

/** What a preflight found of a CLI's credentials: how it will authenticate, or what to set. */
export type CredentialCheck = { readonly found: string } | { readonly missing: string };

/** What a CLI's credential check may look at. */
export interface CredentialContext {
  readonly probe: CliProbe;
  readonly env: Env;
  /** The home directory the CLI will see (`env.HOME`, else this user's). */
  readonly home: string;
  /** The directory the agent will run in, when one is known before the run. */
  readonly cwd: string | undefined;
  readonly model: string | undefined;
  readonly extraArgs: readonly string[];
  /** What to tell the user to set: the preset's hint for refused credentials. */
  readonly fix: string;
}

/** Checks, without calling the provider, that a CLI has credentials. */
export type CheckCredentials = (context: CredentialContext) => Promise<CredentialCheck>;

/** The first of `names` set to a non-blank value in `env`, or undefined. */
export function firstSet(env: Env, names: readonly string[]): string | undefined {
  return names.find((name) => (env[name] ?? '').trim() !== '');
}
