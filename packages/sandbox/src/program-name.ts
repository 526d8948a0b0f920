/** `export const name = 'refine';` on a line of its own (a line comment may follow), with a short, plain name. */
const namePattern = /^[ \t]*export\s+const\s+name\s*=\s*(['"])([A-Za-z0-9_.@:+-]{1,64})\1[ \t]*;?[ \t]*(?:\/\/.*)?$/m;

/**
 * The name a program declares, read from its source without running it (so the same source always
 * has the same name), else `program-<first 8 digits of its hash>`.
 */
export function programName(source: string, hash: string): string {
  return namePattern.exec(source)?.[2] ?? `program-${hash.slice(0, 8)}`;
}
