import { createWriteStream } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { armNeedsLoading, buildRun, loadConfig } from '@ratchet/config';
import { type JsonValue, openCorpus } from '@ratchet/corpus';
import { exportTrainingData } from '@ratchet/optimizer';

export interface TrainingExportOptions {
  readonly format: 'sft' | 'preference';
  readonly run?: string;
  readonly benchmark?: string;
  /** A ratchet config whose environment gives the task inputs (the corpus records only task ids). */
  readonly config?: string;
  readonly maxPairs?: number;
}

/** Task inputs by id from a config's environment; strategy modules and the worker are not needed for it. */
async function taskInputs(path: string): Promise<Map<string, JsonValue>> {
  const { config } = await loadConfig(path);
  const built = buildRun({ ...config, arms: config.arms.filter((arm) => !armNeedsLoading(arm)) });
  try {
    return new Map((await built.environment.tasks()).map((task) => [task.id, task.input as JsonValue]));
  } finally {
    await built.close();
  }
}

/**
 * `ratchet corpus export --format sft|preference`: the corpus as training data for the worker (one JSON
 * row per line) and its datasheet beside it (`FILE.datasheet.json`). Both are written to a temporary file
 * first and renamed into place, so a crash leaves no half-written file under the name.
 */
export async function trainingExport(store: string, file: string, options: TrainingExportOptions): Promise<string> {
  const inputs = options.config === undefined ? undefined : await taskInputs(options.config);
  const corpus = await openCorpus(store);
  try {
    const partial = `${file}.partial`;
    const output = createWriteStream(partial);
    const datasheet = await exportTrainingData(corpus, output, {
      format: options.format,
      ...(options.run === undefined ? {} : { runIds: [options.run] }),
      ...(options.benchmark === undefined ? {} : { benchmark: options.benchmark }),
      ...(inputs === undefined ? {} : { inputs }),
      ...(options.maxPairs === undefined ? {} : { maxPairsPerTask: options.maxPairs }),
    });
    output.end();
    await finished(output);
    const sheet = `${file}.datasheet.json`;
    await writeFile(`${sheet}.partial`, `${JSON.stringify(datasheet, null, 2)}\n`);
    await rename(partial, file);
    await rename(`${sheet}.partial`, sheet);
    const { counts } = datasheet;
    const excluded = `${counts.excluded.holdout} holdout attempts, ${counts.excluded.holdoutTask} of tasks on a holdout split elsewhere, ${counts.excluded.unjudged} unjudged`;
    return [
      `wrote ${file}: ${counts.rows} ${options.format} rows from ${counts.tasks} tasks (${counts.attemptsRead} attempts read; left out: ${excluded})`,
      `datasheet: ${sheet}${inputs === undefined ? ' · task inputs not included (give --config to add them)' : ''}`,
    ].join('\n');
  } finally {
    await corpus.close();
  }
}
