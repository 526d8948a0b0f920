import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Controller } from '@ratchet/runtime';
import writeFileAtomic from 'write-file-atomic';

/** A target file that is not JSON, or not an object of parameters the controller accepts. */
export class TargetError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TargetError';
  }
}

export interface ControllerTarget {
  /** The file that holds the controller's parameters. */
  readonly file: string;
  /** The controller the target holds now: the base with the file's parameters laid over its defaults. */
  current(): Promise<Controller>;
  /**
   * Writes a kept candidate's parameters into the target file atomically (write-file-atomic: temp file,
   * fsync, rename), after copying the previous version to `<stateRoot>/versions/iteration-<n>/`.
   */
  keep(candidate: Controller, iteration: number): Promise<void>;
}

/**
 * A target whose component is a controller's parameters in one JSON file (`controller.json` in the target
 * folder): what `improveOrchestrator` reads before an iteration and writes when it keeps a candidate. The
 * file is written with two-space indentation and a final newline, the keys in the candidate's order, so a
 * kept candidate is a readable `git diff`; nothing else in the target is touched.
 */
export function controllerTarget(options: {
  readonly dir: string;
  readonly stateRoot: string;
  readonly base: Controller;
  readonly file?: string;
}): ControllerTarget {
  const file = join(options.dir, options.file ?? 'controller.json');
  return {
    file,
    async current() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return options.base;
        throw error;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        throw new TargetError(
          `${file} is not JSON (${(error as Error).message}); fix it or restore it from the state root's versions/`,
          { cause: error },
        );
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new TargetError(`${file} must hold a JSON object of controller parameters`);
      }
      try {
        return options.base.withParameters({ ...options.base.parameters, ...parsed });
      } catch (error) {
        throw new TargetError(`${file}: ${(error as Error).message}`, { cause: error });
      }
    },
    async keep(candidate, iteration) {
      const backup = join(options.stateRoot, 'versions', `iteration-${iteration}`, options.file ?? 'controller.json');
      await mkdir(dirname(backup), { recursive: true });
      try {
        await copyFile(file, backup);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      await writeFileAtomic(file, `${JSON.stringify(candidate.parameters, null, 2)}\n`);
    },
  };
}
