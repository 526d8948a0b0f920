import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDefault } from './import-module';

/**
 * A project as `npm init -y` leaves it (`"type": "commonjs"`), with one dependency that, like every
 * Ratchet package, exports for `import` only.
 */
function commonJsProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-cjs-project-'));
  writeFileSync(join(dir, 'package.json'), '{ "name": "project", "type": "commonjs" }');
  const dependency = join(dir, 'node_modules', 'esm-only');
  mkdirSync(dependency, { recursive: true });
  writeFileSync(
    join(dependency, 'package.json'),
    '{ "name": "esm-only", "type": "module", "exports": { ".": { "import": "./index.js" } } }',
  );
  writeFileSync(join(dependency, 'index.js'), 'export const defineThing = (value) => ({ ...value, defined: true });\n');
  return dir;
}

describe('importDefault', () => {
  it('loads a .ts file in a CommonJS project that imports an import-only package, and leaves no copy behind', async () => {
    const dir = commonJsProject();
    const file = join(dir, 'ratchet.config.ts');
    writeFileSync(
      file,
      "import { defineThing } from 'esm-only';\nconst count: number = 3;\nexport default defineThing({ count });\n",
    );
    expect(await importDefault(file)).toEqual({ count: 3, defined: true });
    expect(readdirSync(dir).sort()).toEqual(['node_modules', 'package.json', 'ratchet.config.ts']);
  });

  it("names the user's file, not the copy, when the module does not load", async () => {
    const dir = commonJsProject();
    const file = join(dir, 'ratchet.config.ts');
    writeFileSync(file, "import { missing } from 'not-installed';\nexport default missing;\n");
    const error = (await importDefault(file).catch((caught: unknown) => caught)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toContain('not-installed');
    expect(error.message).not.toContain('.mts');
    expect(readdirSync(dir).sort()).toEqual(['node_modules', 'package.json', 'ratchet.config.ts']);
  });

  it('still unwraps the default export of a .cts file compiled as CommonJS', async () => {
    const dir = commonJsProject();
    const file = join(dir, 'strategy.cts');
    writeFileSync(file, 'export default { name: "twice" };\n');
    expect(await importDefault(file)).toEqual({ name: 'twice' });
  });
});
