import { LoopError } from './loop-error';

/** A loop setting is out of range: named, with what it must be and what was given. */
export class InvalidLoopSettingsError extends LoopError {
  readonly setting: string;

  constructor(options: { setting: string; problem: string }) {
    super(`loop setting "${options.setting}" ${options.problem}; fix the flag or the settings object and run again`);
    this.name = 'InvalidLoopSettingsError';
    this.setting = options.setting;
  }

  static override isInstance(error: unknown): error is InvalidLoopSettingsError {
    return LoopError.isInstance(error) && (error as Error).name === 'InvalidLoopSettingsError';
  }
}
