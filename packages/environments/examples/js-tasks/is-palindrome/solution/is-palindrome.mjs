/** Whether `text` reads the same backwards, ignoring case and non-alphanumerics. */
export function isPalindrome(text) {
  const letters = [...text.toLowerCase()].filter((char) => /[\p{L}\p{N}]/u.test(char));
  return letters.join('') === letters.reverse().join('');
}
