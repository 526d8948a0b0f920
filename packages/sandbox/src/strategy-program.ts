/** JavaScript source whose default export is `async function (ctx)`, named by its content hash. */
export interface StrategyProgram {
  readonly source: string;
  /** `programHash(source)`: the program's identity as a candidate. */
  readonly hash: string;
  /** The program's `export const name = '…'` when it is a short string literal, else `program-<hash8>`. */
  readonly name: string;
}
