/**
 * The strategy API as a program sees it: the reference a person or the authoring model writes a
 * program from. It describes exactly what the sandbox provides (`install` in `vm/guest-prelude.ts`).
 */
export const strategyApiReference = `# Writing a Ratchet strategy program

A strategy program decides how a worker spends up to k attempts at one task. It is a JavaScript module
whose default export is an async function of \`ctx\`. It runs in a sandbox (QuickJS in WebAssembly),
once per cell (one task, one replicate), in a fresh engine.

\`\`\`js
export const name = 'refine-twice'; // optional: a short name (letters, digits, _ . @ : + -), else program-<hash>

export default async function (ctx) {
  let last = await ctx.shot();
  while (ctx.history.length < ctx.k && !ctx.stop()) {
    const findings = await ctx.observe(last);
    last = await ctx.shot({ findings, from: last.continuable ? last.attemptId : undefined });
  }
}
\`\`\`

## ctx

- \`ctx.task\` — the task as workers see it: \`{ id, split, input }\`. Never the expected answer.
- \`ctx.k\` — the attempts this cell may make.
- \`ctx.history\` — the cell's attempts so far, oldest first (a fresh copy on every read).
- \`await ctx.shot({ findings?, from? })\` — makes one attempt and returns it. \`findings\`: steer it by
  these findings (from \`observe\`); the harness builds the steer through the arm's controller. \`from\`:
  an \`attemptId\` whose checkpoint to continue from (only when that attempt is \`continuable\`).
  Without options: a fresh attempt with the controller's initial steer. Past the budget the program is
  stopped there and the cell ends normally.
- \`await ctx.observe(attempt)\` — the analyst's findings about an attempt (pass the attempt or its
  \`attemptId\`): \`[{ claim, evidence, origin }]\`. Each call is metered in the arm's spend.
- \`ctx.choose(attempt)\` — names the cell's final output (the attempt or its \`attemptId\`). Without it,
  the attempt with the best checks is chosen.
- \`ctx.topology()\` — the controller's advice after the attempts so far: \`'refine'\` (continue from
  the last), \`'fanout'\` (start fresh), or \`'stop'\`.
- \`ctx.stop()\` — whether the controller would stop here.
- \`ctx.remaining()\` — \`{ attempts, usd, tokens, wallMs }\` left in this cell (null: not capped).
- \`ctx.random()\` — a number in [0, 1) from the cell's seeded stream: the same seed gives the same
  choices. \`Math.random()\` draws from the same stream.

An attempt is plain data: \`{ attemptId, index, steer, from, output, events, checks, usage, failure,
continuable }\`. \`checks\` are deployable checks (\`{ name, passed, score }\`, null where not measured):
choose by them. There is no verdict: the judge's result never reaches a program.

## Rules

- Only findings whose \`origin\` is \`'trace'\` may steer. Handing \`shot\` a finding from a judge stops the
  program and its cell counts as its failure.
- The sandbox has ECMAScript and \`ctx\`, nothing else: no \`import\`, \`require\`, \`process\`, \`fetch\`,
  file system, network, timers or console. \`Date.now()\` is always 0 and \`new Date()\` is the epoch.
- Only \`ctx.shot\` and \`ctx.observe\` resolve later; a promise nothing resolves makes the program fail.
- Limits per cell (defaults): 2,000 ms of the program's own CPU time (waiting for attempts does not
  count), 32 MiB of memory, 256 KiB of stack, 10,000 calls to ctx (each \`shot\`, \`observe\`,
  \`random\`, \`history\` read, … counts one).
- A program that throws, rejects, passes a limit, or makes no attempt fails: its cell is recorded as the
  program's failure (not solved, no final output). Attempts it made are kept. Other cells are unaffected.
`;
