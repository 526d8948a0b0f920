import { writeFile } from 'node:fs/promises';
import { loadOptimizationReport } from '../report/optimization-report';
import { optimizationTerminalReport } from '../report/optimization-terminal-report';
import { renderOptimizationHtml } from '../report/render-optimization-html';
import { assertFolderExists } from './assert-folder-exists';
import { openExistingCorpus } from './open-existing-corpus';

export interface OptimizationReportOptions {
  store: string;
  /** The optimization (`opt-…`); undefined: the latest. */
  optimizationId: string | undefined;
  json: boolean;
  html: string | undefined;
  /** Where the "wrote <file>" line goes. */
  stderr?: { write(text: string): unknown };
}

/** `ratchet report opt-…` (or `--optimization`): the optimization as text or JSON, and optionally as HTML. */
export async function optimizationReportCommand(options: OptimizationReportOptions): Promise<string> {
  if (options.html !== undefined) await assertFolderExists(options.html, '--html');
  const corpus = await openExistingCorpus(options.store);
  try {
    const report = await loadOptimizationReport(corpus, options.optimizationId);
    if (options.html) {
      await writeFile(options.html, renderOptimizationHtml(report, new Date().toISOString()));
      (options.stderr ?? process.stderr).write(`wrote ${options.html}\n`);
    }
    return options.json ? JSON.stringify(report, null, 2) : optimizationTerminalReport(report);
  } finally {
    await corpus.close();
  }
}
