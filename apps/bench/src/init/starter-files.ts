/**
 * What `ratchet init` writes: a config over a JSON Lines dataset, four arithmetic tasks, and a stand-in
 * agent (a Node script, no model) so the first `ratchet run` works offline and shows a result at once.
 */
export function starterFiles(schemaPath: string | null): Record<string, string> {
  const config = [
    '{',
    '  // A starter Ratchet config: a JSON Lines dataset, a numeric judge, and a stand-in agent.',
    '  // Paths are relative to this file. Reference: the README\'s "Configuration" section.',
    ...(schemaPath === null ? [] : [`  "$schema": ${JSON.stringify(schemaPath)},`]),
    '  // The tasks: one JSON object per line with "id", "input", "expected" and "split".',
    '  "environment": { "kind": "jsonl", "path": "tasks.jsonl" },',
    '  // How an answer is scored: the last number in the output against "expected".',
    '  "judge": { "kind": "numeric", "parse": "last-number" },',
    '  // Who attempts the tasks. Replace the stand-in with your agent: a preset',
    '  // ({ "kind": "preset", "preset": "claude-code" }), your command ({message} is the prompt),',
    '  // or a model ("openai:gpt-4o-mini").',
    '  "worker": {',
    '    "kind": "command",',
    '    "id": "example-agent",',
    '    "command": "node",',
    '    "args": ["agent.mjs", "{message}"],',
    '    "cwd": "example-agent"',
    '  },',
    '  // Compared at equal compute: refine (steered retries) against random (independent tries).',
    '  "arms": [',
    '    { "strategy": "random", "k": 2 },',
    '    { "strategy": "refine", "k": 2 }',
    '  ]',
    '}',
    '',
  ].join('\n');
  const tasks = [
    { id: 'add', input: 'What is 2 + 3?', expected: 5, split: 'train' },
    { id: 'subtract', input: 'What is 17 - 9?', expected: 8, split: 'train' },
    { id: 'multiply', input: 'What is 12 × 12?', expected: 144, split: 'train' },
    { id: 'divide', input: 'What is 7 / 2?', expected: 3.5, split: 'train' },
  ];
  const agent = [
    '#!/usr/bin/env node',
    '// A stand-in agent so the starter runs offline: Ratchet passes the prompt as the first argument and',
    '// reads the answer from stdout. It adds, subtracts and multiplies, and gets division wrong, so the',
    '// first run has something to show. Replace it with your agent in ratchet.config.json ("worker").',
    "const message = process.argv[2] ?? '';",
    'const match = /What is (-?\\d+(?:\\.\\d+)?)\\s*([-+×*/])\\s*(-?\\d+(?:\\.\\d+)?)/.exec(message);',
    'if (!match) {',
    "  console.log('I do not know.');",
    '  process.exit(0);',
    '}',
    'const [, a, op, b] = match;',
    'const x = Number(a);',
    'const y = Number(b);',
    "const answers = { '+': x + y, '-': x - y, '×': x * y, '*': x * y, '/': x * y };",
    "console.log('The answer is ' + answers[op] + '.');",
    '',
  ].join('\n');
  return {
    'ratchet.config.json': config,
    'tasks.jsonl': `${tasks.map((task) => JSON.stringify(task)).join('\n')}\n`,
    'example-agent/agent.mjs': agent,
  };
}
