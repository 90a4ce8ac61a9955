/**
 * Counting a decoded text's non-ASCII ("wide") characters: the share of them that belong to a
 * script or class is how gbkText.ts and mixedEncodings.ts tell one reading of bytes from another.
 */

/** How many characters of `text` are not ASCII (`wide`), and how many of those `counts` accepts. */
export function countWide(text: string, counts: (c: number, ch: string) => boolean): { wide: number; counted: number } {
  let wide = 0;
  let counted = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    wide++;
    if (counts(c, ch)) counted++;
  }
  return { wide, counted };
}
