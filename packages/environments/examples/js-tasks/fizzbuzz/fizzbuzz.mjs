/** The FizzBuzz strings for 1..n. */
export function fizzbuzz(n) {
  throw new Error(`fizzbuzz(${n}) is not implemented yet`);
}
