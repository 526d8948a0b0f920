import type { ContrastSummary } from '@ratchet/runtime';
import { escapeHtml } from './escape-html';
import { formatPoints, formatProbability } from './format-figures';

function interval(contrast: ContrastSummary): string {
  if (contrast.low === null || contrast.high === null) return 'not estimable';
  return `[${formatPoints(contrast.low)}, ${formatPoints(contrast.high)}]`;
}

/** The contrasts' numbers beside the forest plot: lift in points, CI, p, BH q, paired tasks, exclusions. */
export function renderContrastsTable(contrasts: readonly ContrastSummary[]): string {
  const head = [
    'Contrast',
    'Family',
    'Candidate − baseline',
    'Lift (points)',
    '95% CI',
    'p',
    'q (BH)',
    'Test',
    'Tasks',
    'Excluded',
  ];
  const rows = contrasts.map((c) => {
    const excluded = `${c.excluded.infra} infra, ${c.excluded.unmeasured} unmeasured, ${c.excluded.unpaired} unpaired`;
    return [
      escapeHtml(c.name),
      `<span class="family-${c.family}">${c.family}</span>${c.primary ? ' <strong>(primary)</strong>' : ''}`,
      `<code>${escapeHtml(c.candidate)}</code> − <code>${escapeHtml(c.baseline)}</code>`,
      c.estimate === null ? 'not estimable (too few paired tasks)' : formatPoints(c.estimate),
      interval(c),
      formatProbability(c.pValue),
      formatProbability(c.qValue),
      c.test === 'mcnemar-exact' ? 'McNemar exact' : c.test === 'bootstrap' ? 'bootstrap' : '—',
      String(c.n),
      excluded,
    ]
      .map((cell) => `<td>${cell}</td>`)
      .join('');
  });
  return [
    '<table class="contrasts">',
    `<thead><tr>${head.map((label) => `<th scope="col">${label}</th>`).join('')}</tr></thead>`,
    `<tbody>\n${rows.map((row) => `<tr>${row}</tr>`).join('\n')}\n</tbody>`,
    '</table>',
  ].join('\n');
}
