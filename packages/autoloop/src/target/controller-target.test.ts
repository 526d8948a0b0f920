import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dialController } from '@ratchet/optimizer/test';
import { describe, expect, it } from 'vitest';
import { controllerTarget } from './controller-target';
import { TargetError } from './target-error';

describe('controllerTarget', () => {
  it('reads the parameters over the defaults, keeps a candidate atomically, and saves the previous version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'target-'));
    const stateRoot = mkdtempSync(join(tmpdir(), 'state-'));
    const target = controllerTarget({ dir, stateRoot, base: dialController });
    // No file yet: the target holds the base.
    expect((await target.current()).hash).toBe(dialController.hash);
    writeFileSync(join(dir, 'controller.json'), '{ "dial": 3 }\n');
    const three = await target.current();
    expect(three.parameters).toEqual({ dial: 3, note: 'begin' });

    const seven = dialController.withParameters({ dial: 7, note: 'begin' });
    await target.keep(seven, 4);
    expect(readFileSync(join(dir, 'controller.json'), 'utf8')).toBe('{\n  "dial": 7,\n  "note": "begin"\n}\n');
    expect(readFileSync(join(stateRoot, 'versions', 'iteration-4', 'controller.json'), 'utf8')).toBe('{ "dial": 3 }\n');
    expect((await target.current()).hash).toBe(seven.hash);
    expect(existsSync(join(dir, 'controller.json.tmp'))).toBe(false);
  });

  it('refuses a file that is not JSON or not parameters the controller accepts, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'target-'));
    const target = controllerTarget({ dir, stateRoot: dir, base: dialController });
    writeFileSync(join(dir, 'controller.json'), '{ "dial": ');
    await expect(target.current()).rejects.toThrow(TargetError);
    await expect(target.current()).rejects.toThrow(/controller\.json is not JSON/);
    writeFileSync(join(dir, 'controller.json'), '{ "dial": 99 }');
    await expect(target.current()).rejects.toThrow(/controller\.json.*dial/);
  });

  it('keeps a text component in its own file, verbatim, and touches only the files whose component changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'target-'));
    const stateRoot = mkdtempSync(join(tmpdir(), 'state-'));
    const target = controllerTarget({ dir, stateRoot, base: dialController, texts: { note: 'notes/NOTE.md' } });
    expect(target.files).toEqual([join(dir, 'controller.json'), join(dir, 'notes/NOTE.md')]);
    writeFileSync(join(dir, 'controller.json'), '{"dial":3}');
    expect((await target.current()).parameters).toEqual({ dial: 3, note: 'begin' });

    // Only the text changes: controller.json keeps its own (unusual) formatting.
    await target.keep(dialController.withParameters({ dial: 3, note: '# Note\n\nBe brief.\n' }), 2);
    expect(readFileSync(join(dir, 'controller.json'), 'utf8')).toBe('{"dial":3}');
    expect(readFileSync(join(dir, 'notes/NOTE.md'), 'utf8')).toBe('# Note\n\nBe brief.\n');
    expect(existsSync(join(stateRoot, 'versions', 'iteration-2', 'controller.json'))).toBe(false);
    expect((await target.current()).parameters).toEqual({ dial: 3, note: '# Note\n\nBe brief.\n' });

    // Only the dial changes: the text file is not rewritten, and its previous version is not copied.
    await target.keep(dialController.withParameters({ dial: 5, note: '# Note\n\nBe brief.\n' }), 3);
    expect(readFileSync(join(dir, 'controller.json'), 'utf8')).toBe('{\n  "dial": 5\n}\n');
    expect(readFileSync(join(stateRoot, 'versions', 'iteration-3', 'controller.json'), 'utf8')).toBe('{"dial":3}');
    expect(existsSync(join(stateRoot, 'versions', 'iteration-3', 'notes/NOTE.md'))).toBe(false);
  });

  it('refuses a text component also set in the JSON file, naming both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'target-'));
    const target = controllerTarget({ dir, stateRoot: dir, base: dialController, texts: { note: 'NOTE.md' } });
    writeFileSync(join(dir, 'controller.json'), '{ "note": "x" }');
    await expect(target.current()).rejects.toThrow(/sets "note", which the target keeps in NOTE\.md/);
  });
});
