import type { RunManifest } from '@ratchet/corpus';
import type { RunSummary } from '@ratchet/runtime';
import { escapeHtml } from './escape-html';
import { runState } from './run-state';

function armList(arms: RunManifest['arms']): string {
  const items = arms.map(
    (arm) =>
      `<li><code>${escapeHtml(arm.armId)}</code>: ${escapeHtml(arm.strategy)}, k = ${arm.k}, controller ` +
      `<code>${escapeHtml(arm.controller.id)}</code> @ <code>${escapeHtml(arm.controller.hash)}</code></li>`,
  );
  return `<ul class="plain">${items.join('')}</ul>`;
}

function described(ref: {
  id: string;
  version?: string | undefined;
  model?: string | undefined;
  description?: string | undefined;
}): string {
  const parts = [`<code>${escapeHtml(ref.id)}</code>`];
  if (ref.model !== undefined) parts.push(`model ${escapeHtml(ref.model)}`);
  if (ref.version !== undefined) parts.push(`version ${escapeHtml(ref.version)}`);
  if (ref.description !== undefined) parts.push(escapeHtml(ref.description));
  return parts.join(', ');
}

/** The run's manifest as a two-column table: what ran, under which seed, and the pre-registered contrast. */
export function renderManifestTable(
  manifest: RunManifest,
  summary: Pick<RunSummary, 'stopReason' | 'cells' | 'status'>,
): string {
  const { primaryContrast: primary } = manifest;
  const rows: Array<[string, string]> = [
    ['Run id', `<code>${escapeHtml(manifest.runId)}</code>`],
    ['Benchmark', escapeHtml(manifest.benchmark)],
    ['Status', escapeHtml(runState(manifest, summary))],
    ['Seed', `<code>${escapeHtml(manifest.seed)}</code>`],
    ['Arms', armList(manifest.arms)],
    [
      'Primary contrast (pre-registered)',
      `${escapeHtml(primary.name)}: <code>${escapeHtml(primary.candidate)}</code> − ` +
        `<code>${escapeHtml(primary.baseline)}</code>`,
    ],
    ['Splits', escapeHtml(manifest.splits.join(', '))],
    ['Environment', described(manifest.environment)],
    ['Worker', described(manifest.worker)],
    ['Started', escapeHtml(manifest.startedAt)],
    ['Ended', manifest.endedAt === null ? 'not ended' : escapeHtml(manifest.endedAt)],
    ['Config hash', `<code>${escapeHtml(manifest.configHash)}</code>`],
  ];
  if (manifest.commitSha !== undefined) rows.push(['Commit', `<code>${escapeHtml(manifest.commitSha)}</code>`]);
  if (manifest.notes !== undefined) rows.push(['Notes', escapeHtml(manifest.notes)]);
  const body = rows.map(([label, value]) => `<tr><th scope="row">${label}</th><td>${value}</td></tr>`).join('\n');
  return `<table class="manifest">\n<tbody>\n${body}\n</tbody>\n</table>`;
}
