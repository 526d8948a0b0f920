import { armNeedsLoading, buildRun, loadConfig } from '@ratchet/config';
import { type ValidationReport, validateJsonlDataset, validateTaskDirectory } from '@ratchet/environments';
import { RuntimeError } from '@ratchet/runtime';
import Table from 'cli-table3';
import pc from 'picocolors';

/** Some tasks cannot tell work from no work: exit code 1, with the report printed first. */
export class ValidationFailedError extends RuntimeError {
  constructor(message: string) {
    super(message);
    this.name = 'ValidationFailedError';
  }
}

/**
 * `ratchet validate`: runs the environment's validate mode. A task directory's reference solutions
 * must pass the hidden tests and the untouched work dir must fail them; a dataset's reference answers
 * must pass its judge and the empty answer must fail. Built-in families are generated and counted.
 */
export async function validateCommand(options: {
  config: string | undefined;
  json: boolean;
  print: (text: string) => void;
}): Promise<void> {
  const { file, config } = await loadConfig(options.config, process.cwd(), 'validate');
  const { environment } = config;
  let report: ValidationReport;
  if (environment.kind === 'task-directory') {
    report = await validateTaskDirectory({
      root: environment.path,
      ...(environment.testCommand ? { testCommand: environment.testCommand } : {}),
    });
  } else if (environment.kind === 'jsonl') {
    // The config schema requires a judge for jsonl datasets.
    report = await validateJsonlDataset({
      path: environment.path,
      judge: config.judge as NonNullable<typeof config.judge>,
    });
  } else {
    // Validation needs the tasks and the judge, not the arms: strategy modules are not loaded for it.
    const arms = config.arms.filter((arm) => !armNeedsLoading(arm));
    const built = buildRun({ ...config, arms, worker: { kind: 'builtin' } });
    try {
      const tasks = await built.environment.tasks();
      const counts = ['train', 'val', 'holdout'].map(
        (split) => `${split} ${tasks.filter((t) => t.split === split).length}`,
      );
      options.print(
        options.json
          ? JSON.stringify({ source: environment.kind, ok: tasks.length > 0, tasks: tasks.length }, null, 2)
          : `${file}: the built-in ${environment.kind} family generates ${tasks.length} tasks (${counts.join(', ')}); its tasks are checked by its own tests, there is nothing more to validate.`,
      );
    } finally {
      await built.close();
    }
    return;
  }
  options.print(options.json ? JSON.stringify(report, null, 2) : formatValidation(report));
  if (!report.ok) {
    throw new ValidationFailedError(
      `${report.summary.withProblems} of ${report.summary.tasks} tasks in ${report.source} have problems (listed above); fix or remove them before running`,
    );
  }
}

function formatValidation(report: ValidationReport): string {
  const table = new Table({ head: ['task', 'ok', 'problems'], style: { head: [], border: [] } });
  for (const task of report.tasks) {
    table.push([
      task.taskId,
      task.ok ? 'yes' : pc.red('no'),
      task.problems.map((problem) => `${problem.code}: ${problem.message}`).join('\n'),
    ]);
  }
  const { summary } = report;
  return [
    pc.bold(`Validated ${report.source}`),
    table.toString(),
    `${summary.ok} of ${summary.tasks} tasks ok${summary.withProblems > 0 ? `, ${summary.withProblems} with problems` : ''}.`,
  ].join('\n');
}
