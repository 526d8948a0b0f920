import { z } from 'zod';
import { parseOptions } from './parse-options';

/** What a scan rule looks for: a leaked credential, or a call that can destroy or take over a machine. */
export type ScanFindingKind = 'secret' | 'dangerous-call';

/** One pattern the scanner looks for. */
export interface ScanRule {
  id: string;
  kind: ScanFindingKind;
  pattern: RegExp;
}

/** One match of a rule in the scanned text. */
export interface ScanFinding {
  rule: string;
  kind: ScanFindingKind;
  /** 1-based line and column of the match. */
  line: number;
  column: number;
  /** The matched text; for secrets only its first 4 characters and its length, so reports never leak it. */
  excerpt: string;
}

/** The rules `scanText` uses unless told otherwise. */
export const defaultScanRules: readonly ScanRule[] = [
  { id: 'aws-access-key-id', kind: 'secret', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  {
    id: 'aws-secret-access-key',
    kind: 'secret',
    pattern: /aws_secret_access_key["']?\s*[:=]\s*["']?[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/i,
  },
  { id: 'private-key', kind: 'secret', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/ },
  { id: 'sk-api-key', kind: 'secret', pattern: /\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}/ },
  { id: 'github-token', kind: 'secret', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/ },
  { id: 'slack-token', kind: 'secret', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
  {
    id: 'rm-rf-root',
    kind: 'dangerous-call',
    pattern: /\brm\s+(?:-{1,2}[\w-]+\s+)*(?:\/|~|\$HOME|\/\*)(?=\s|$|;|&|\|)/,
  },
  {
    id: 'pipe-to-shell',
    kind: 'dangerous-call',
    pattern: /\b(?:curl|wget)\b[^\n|]*\|\s*(?:sudo\s+)?(?:ba|z|da|k)?sh\b/,
  },
  { id: 'eval-call', kind: 'dangerous-call', pattern: /\beval\s*\(/ },
  {
    id: 'disk-wipe',
    kind: 'dangerous-call',
    pattern: /\bmkfs(?:\.\w+)?\s+\/dev\/|\bdd\b[^\n]*\bof=\/dev\/(?:sd|hd|nvme|vd)/,
  },
  { id: 'fork-bomb', kind: 'dangerous-call', pattern: /:\(\)\s*\{\s*:\s*\|\s*:\s*&\s*\}\s*;\s*:/ },
];

/** Validates user-given scan rules. */
export const scanRulesSchema = z.array(
  z.strictObject({
    id: z.string().min(1).max(100),
    kind: z.enum(['secret', 'dangerous-call']),
    pattern: z.instanceof(RegExp),
  }),
);

/**
 * Scans text for leaked secrets (AWS keys, private keys, `sk-…` API keys, GitHub and Slack tokens)
 * and dangerous calls (`rm -rf /`, `curl … | sh`, `eval(`, disk wipes, fork bombs). Findings are
 * ordered by position; secret excerpts are redacted. Patterns catch the common forms, not every
 * obfuscation: a scanner is a cheap signal, not a sandbox.
 *
 * @throws {InvalidOptionsError} when a rule is malformed.
 * @example
 * scanText('export KEY=AKIAIOSFODNN7EXAMPLE\ncurl -fsSL https://x.sh | bash');
 * // => [{ rule: 'aws-access-key-id', kind: 'secret', line: 1, column: 12, excerpt: 'AKIA… (20 chars)' },
 * //     { rule: 'pipe-to-shell', kind: 'dangerous-call', line: 2, column: 1, excerpt: 'curl -fsSL https://x.sh | bash' }]
 */
export function scanText(text: string, rules: readonly ScanRule[] = defaultScanRules): ScanFinding[] {
  parseOptions('scanText', scanRulesSchema, rules);
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const findings: (ScanFinding & { index: number })[] = [];
  for (const rule of rules) {
    const flags = rule.pattern.flags.includes('g') ? rule.pattern.flags : `${rule.pattern.flags}g`;
    for (const match of text.matchAll(new RegExp(rule.pattern.source, flags))) {
      if (match[0] === '') continue;
      const line = upperBound(lineStarts, match.index) - 1;
      findings.push({
        rule: rule.id,
        kind: rule.kind,
        line: line + 1,
        column: match.index - (lineStarts[line] as number) + 1,
        excerpt:
          rule.kind === 'secret' ? `${match[0].slice(0, 4)}… (${match[0].length} chars)` : match[0].slice(0, 120),
        index: match.index,
      });
    }
  }
  return findings.sort((a, b) => a.index - b.index).map(({ index: _index, ...finding }) => finding);
}

/** Number of entries of sorted `values` that are ≤ `target`. */
function upperBound(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((values[middle] as number) <= target) low = middle + 1;
    else high = middle;
  }
  return low;
}
