import type { Usage } from '@ratchet/corpus';

/** A share as a percentage with one decimal; an unmeasured one as an em dash, never 0. */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`;
}

/** A signed difference in percentage points. */
export function points(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const shown = (value * 100).toFixed(1);
  return `${value > 0 ? '+' : ''}${shown} pts`;
}

export function pValue(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return value < 0.001 ? '<0.001' : value.toFixed(3);
}

export function when(iso: string | null): string {
  return iso === null ? '—' : iso.replace('T', ' ').slice(0, 19);
}

/** What was spent, figure by figure; unmeasured figures are said to be unmeasured (DESIGN rule 5). */
export function spend(usage: Usage): string {
  const parts: string[] = [];
  const add = (value: number | null | undefined, unit: string) => {
    if (value !== null && value !== undefined) parts.push(`${value.toLocaleString()} ${unit}`);
  };
  add(usage.turns, 'turns');
  add(usage.tokensIn, 'tokens in');
  add(usage.tokensOut, 'tokens out');
  add(usage.workUnits, 'work units');
  if (usage.wallMs !== null) parts.push(`${(usage.wallMs / 1000).toFixed(2)} s`);
  parts.push(usage.usd === null ? 'cost not measured' : `$${usage.usd.toFixed(4)} (${usage.costProvenance})`);
  return parts.join(' · ');
}

/** A JSON value as readable text: strings as they are, everything else pretty-printed. */
export function showJson(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/** An e-value to three significant figures, in exponent form from 100,000 on. */
export function eValue(value: number): string {
  if (!Number.isFinite(value)) return '∞';
  return value >= 1e5 ? value.toExponential(1) : value.toPrecision(3);
}

/** Why a sequential gate stopped, in words. */
export function stoppedBy(reason: 'evidence' | 'futility' | 'cap' | null): string {
  if (reason === 'evidence') return 'stopped by evidence';
  if (reason === 'futility') return 'stopped for futility';
  if (reason === 'cap') return 'stopped at the cap';
  return 'not stopped yet';
}
