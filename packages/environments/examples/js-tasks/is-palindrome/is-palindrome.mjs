/** Whether `text` reads the same backwards, ignoring case and non-alphanumerics. */
export function isPalindrome(text) {
  throw new Error(`isPalindrome(${JSON.stringify(text)}) is not implemented yet`);
}
