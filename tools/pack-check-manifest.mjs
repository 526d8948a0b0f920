// What an installed package needs to work for a user, read from the package as npm installed it:
// every file its manifest points at, README and LICENSE, no `workspace:` left in its dependencies, and
// every package its built code imports declared as a dependency. The last is the check an install
// test alone misses: npm installs every tarball side by side, so an undeclared import of a sibling
// (or of a third-party package a sibling depends on) would resolve here and break in a real project.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

const dependencyFields = ['dependencies', 'peerDependencies', 'optionalDependencies'];

/** Every `.js` file under dir, recursively. */
function scripts(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return scripts(path);
    return entry.isFile() && entry.name.endsWith('.js') ? [path] : [];
  });
}

/** The bare specifiers a built ESM file imports (static, re-exports, side-effect and dynamic with a literal). */
export function importedSpecifiers(code) {
  const found = new Set();
  const patterns = [
    /^\s*(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) {
      const specifier = match[1];
      if (!specifier.startsWith('.') && !specifier.startsWith('/')) found.add(specifier);
    }
  }
  return [...found];
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
export function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const isBuiltin = (specifier) => specifier.startsWith('node:') || builtinModules.includes(specifier);

/** The export map's file targets, skipping the workspace-only `@ratchet/source` condition. */
function exportTargets(exports, where = 'exports') {
  if (typeof exports === 'string') return [[where, exports]];
  if (exports === null || typeof exports !== 'object') return [];
  return Object.entries(exports)
    .filter(([key]) => key !== '@ratchet/source')
    .flatMap(([key, value]) => exportTargets(value, `${where}["${key}"]`));
}

/** What is wrong with the installed package in dir, as sentences naming the package and the field; [] when nothing. */
export function packedPackageProblems(dir) {
  const manifestPath = join(dir, 'package.json');
  if (!existsSync(manifestPath)) return [`${dir}: not installed (no package.json)`];
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const name = manifest.name;
  const problems = [];
  const say = (text) => problems.push(`${name}: ${text}`);

  for (const file of ['README.md', 'LICENSE']) if (!existsSync(join(dir, file))) say(`${file} is not in the tarball`);
  for (const field of ['license', 'description', 'engines'])
    if (!manifest[field]) say(`package.json has no "${field}"`);
  if (manifest.private) say('is marked private');

  const declared = new Set([name]);
  for (const field of dependencyFields) {
    for (const [dependency, range] of Object.entries(manifest[field] ?? {})) {
      declared.add(dependency);
      if (String(range).startsWith('workspace:')) say(`${field}.${dependency} is still "${range}" (pack with pnpm)`);
    }
  }

  const bins = typeof manifest.bin === 'string' ? { [name]: manifest.bin } : (manifest.bin ?? {});
  const targets = [
    ['main', manifest.main],
    ['types', manifest.types],
    ...Object.entries(bins).map(([bin, file]) => [`bin.${bin}`, file]),
    ...exportTargets(manifest.exports),
  ];
  for (const [field, file] of targets) {
    if (file && !existsSync(join(dir, file))) say(`${field} points at ${file}, which is not in the tarball`);
  }
  for (const [entry, conditions] of Object.entries(manifest.exports ?? {})) {
    if (typeof conditions === 'object' && conditions.import && !conditions.types)
      say(`exports["${entry}"] has no types`);
  }

  const undeclared = new Map();
  for (const file of scripts(join(dir, 'dist'))) {
    for (const specifier of importedSpecifiers(readFileSync(file, 'utf8'))) {
      if (isBuiltin(specifier) || declared.has(packageOf(specifier))) continue;
      undeclared.set(packageOf(specifier), file.slice(dir.length + 1));
    }
  }
  for (const [dependency, file] of undeclared) {
    say(`${file} imports ${dependency}, which is not in its dependencies (add it to "dependencies")`);
  }
  return problems;
}
