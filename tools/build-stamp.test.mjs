// Run with `node --test tools/*.test.mjs` (part of `npm test`): plain node:test, since tools/ has no
// dependencies of its own.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { buildFingerprint, isUpToDate, missingOutputs, workspacePackageDirs, writeStamp } from './build-stamp.mjs';

let root;

/** A workspace in miniature: one library under packages/*, one app named directly, built and installed. */
function write(path, text) {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'build-stamp-'));
  write('pnpm-workspace.yaml', 'packages:\n  - packages/*\n  - app\n\nonlyBuiltDependencies:\n  - esbuild\n');
  write('package.json', '{"name":"root","private":true}');
  write('pnpm-lock.yaml', "lockfileVersion: '9.0'\n");
  write('tools/package.json', '{"dependencies":{"node":"24.21.0"}}');
  write('node_modules/.modules.yaml', 'layoutVersion: 5\n');
  write('packages/lib/package.json', '{"name":"lib","main":"./dist/index.js","scripts":{"build":"tsup"}}');
  write('packages/lib/src/index.ts', 'export const answer = 42;\n');
  write('packages/lib/src/deep/helper.ts', 'export const helper = 1;\n');
  write('packages/lib/dist/index.js', 'export const answer = 42;\n');
  write('app/package.json', '{"name":"app","bin":{"app":"./dist/cli.js"},"scripts":{"build":"tsup"}}');
  write('app/src/cli.ts', 'console.log(1);\n');
  write('app/dist/cli.js', 'console.log(1);\n');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

test('the workspace packages are read from pnpm-workspace.yaml, globs and plain folders alike', () => {
  assert.deepEqual(
    workspacePackageDirs(root).map((dir) => dir.slice(root.length + 1)),
    [join('packages', 'lib'), 'app'],
  );
});

test('a stamp written after a build makes the next call skip it while nothing changes', () => {
  const fingerprint = buildFingerprint(root);
  assert.equal(isUpToDate(root, fingerprint), false, 'no stamp yet');
  writeStamp(root, fingerprint);
  assert.equal(isUpToDate(root, buildFingerprint(root)), true);
  assert.deepEqual(readdirSync(join(root, 'node_modules')).sort(), ['.modules.yaml', '.ratchet-build-stamp']);
});

test('a changed source file, deep in src, means a rebuild', () => {
  writeStamp(root, buildFingerprint(root));
  write('packages/lib/src/deep/helper.ts', 'export const helper = 2;\n');
  assert.equal(isUpToDate(root, buildFingerprint(root)), false);
});

test('a new source file, a deleted one, a lockfile edit and a tsup config each change the fingerprint', () => {
  const before = buildFingerprint(root);
  const changes = [
    () => write('packages/lib/src/extra.ts', 'export {};\n'),
    () => rmSync(join(root, 'app/src/cli.ts')),
    () => write('pnpm-lock.yaml', "lockfileVersion: '9.0'\n# changed\n"),
    () => write('app/tsup.config.ts', 'export default {};\n'),
    () => write('tools/package.json', '{"dependencies":{"node":"24.22.0"}}'),
  ];
  const seen = new Set([before]);
  for (const change of changes) {
    change();
    const after = buildFingerprint(root);
    assert.equal(seen.has(after), false, `${change} left the fingerprint as it was`);
    seen.add(after);
  }
});

test('files outside the build inputs (a test report, a README) do not force a rebuild', () => {
  const before = buildFingerprint(root);
  write('packages/lib/README.md', '# lib\n');
  write('packages/lib/.vitest/results.json', '{}');
  assert.equal(buildFingerprint(root), before);
});

test('a missing build output or install means a rebuild even when the sources match the stamp', () => {
  const fingerprint = buildFingerprint(root);
  writeStamp(root, fingerprint);
  rmSync(join(root, 'app/dist'), { recursive: true });
  assert.deepEqual(missingOutputs(root), [join('app', 'dist', 'cli.js')]);
  assert.equal(isUpToDate(root, fingerprint), false);
  write('app/dist/cli.js', 'console.log(1);\n');
  assert.equal(isUpToDate(root, fingerprint), true);
  rmSync(join(root, 'node_modules/.modules.yaml'));
  assert.equal(isUpToDate(root, fingerprint), false);
});

test('a stamp that does not parse counts as none', () => {
  const fingerprint = buildFingerprint(root);
  write('node_modules/.ratchet-build-stamp', '{"fingerprint":');
  assert.equal(isUpToDate(root, fingerprint), false);
});

test('a workspace pattern the fingerprint cannot expand is refused, not skipped', () => {
  write('pnpm-workspace.yaml', 'packages:\n  - "packages/**"\n');
  assert.throws(() => buildFingerprint(root), /"packages\/\*\*" is not understood/);
});
