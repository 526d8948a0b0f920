/**
 * The URL of a solver module of this package, by its path under `src/` without extension
 * (`dsl/solve-dsl`). From the sources that is the `.ts` file; from the build, the `.js` file tsup
 * emits for it as its own entry (see tsup.config.ts), so a pool thread can import it. This file
 * sits at the top of `src/`, like `index.ts`, so the same relative path works from both.
 */
export function builtInSolverUrl(path: string): string {
  const fromSource = import.meta.url.endsWith('.ts');
  return new URL(`./${path}${fromSource ? '.ts' : '.js'}`, import.meta.url).href;
}
