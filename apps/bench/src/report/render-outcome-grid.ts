import type { CellRecord } from '@ratchet/corpus';
import { escapeHtml } from './escape-html';
import { type OutcomeCounts, outcomes, tallyOutcomes } from './tally-outcomes';

function gridCell(counts: OutcomeCounts | undefined): string {
  if (!counts) return '<td class="empty">no cell</td>';
  const total = outcomes.reduce((sum, outcome) => sum + counts[outcome], 0);
  const present = outcomes.filter((outcome) => counts[outcome] > 0);
  const bar = present
    .map((outcome) => {
      const width = ((100 * counts[outcome]) / total).toFixed(1);
      return `<span class="o-${outcome}" style="width:${width}%"></span>`;
    })
    .join('');
  const label = present.map((outcome) => `${outcome} ${counts[outcome]}/${total}`).join(' · ');
  return `<td title="${label}"><div class="bar">${bar}</div><span class="share">${label}</span></td>`;
}

/**
 * Tasks × arms: each cell shows the share of replicates resolved, failed, infra (harness failure) and
 * unjudged, as a stacked CSS bar with the counts written out. Arms follow `armIds`, then any others seen.
 */
export function renderOutcomeGrid(armIds: readonly string[], cells: readonly CellRecord[]): string {
  const tally = tallyOutcomes(cells);
  const arms = [...new Set([...armIds, ...cells.map((cell) => cell.armId)])];
  const tasks = [...tally.keys()].sort();
  if (tasks.length === 0) return '<p>No cells recorded.</p>';
  const legend = outcomes.map((outcome) => `<span class="swatch o-${outcome}"></span> ${outcome}`).join(' ');
  const head = arms.map((armId) => `<th scope="col"><code>${escapeHtml(armId)}</code></th>`).join('');
  const rows = tasks.map((taskId) => {
    const byArm = tally.get(taskId);
    const row = arms.map((armId) => gridCell(byArm?.get(armId))).join('');
    return `<tr><th scope="row"><code>${escapeHtml(taskId)}</code></th>${row}</tr>`;
  });
  return [
    `<p class="legend">${legend}</p>`,
    '<table class="grid">',
    `<thead><tr><th scope="col">Task</th>${head}</tr></thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
  ].join('\n');
}
