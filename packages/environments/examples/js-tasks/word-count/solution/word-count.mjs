/** How often each lower-cased word occurs in `text`, in order of first appearance. */
export function countWords(text) {
  const counts = new Map();
  for (const word of text.toLowerCase().match(/[\p{L}']+/gu) ?? []) {
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}
