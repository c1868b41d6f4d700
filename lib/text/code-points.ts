/** Characters as a person counts them: one per code point, so 😀 and 汉 are one each. */
export function countCodePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
