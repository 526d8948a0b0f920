/** The FizzBuzz strings for 1..n. */
export function fizzbuzz(n) {
  return Array.from({ length: n }, (_, index) => {
    const i = index + 1;
    if (i % 15 === 0) return 'FizzBuzz';
    if (i % 3 === 0) return 'Fizz';
    if (i % 5 === 0) return 'Buzz';
    return String(i);
  });
}
