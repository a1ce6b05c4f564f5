/**
 * The one rule for free text (posts, messages, about me), shared by the zod schemas on the server and
 * the live counters in the browser, so the number a user sees is the number the server enforces.
 * No dependencies: client components import it.
 */

// C0 controls other than tab and newline, DEL and the C1 controls: they have no place in text we show.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * Characters that draw nothing on their own: white space, default-ignorable code points (zero-width
 * space and joiners, word joiner, BOM, bidi controls, variation selectors, Hangul fillers U+115F,
 * U+1160, U+3164, U+FFA0...), other format characters, combining marks (which need a base letter),
 * and the blank Braille pattern U+2800, which is not default-ignorable but renders empty.
 */
const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Cs}\p{M}\u2800]/gu;

/** The text as stored: line endings to \n, control characters removed, white space trimmed. */
export function normalizeText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '').trim();
}

/** Unicode code points (as people and the reference's Python count them), not UTF-16 units. */
export function codePointLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/** The length a counter shows and the server enforces: code points of the normalized text. */
export function textLength(value: string): number {
  return codePointLength(normalizeText(value));
}

/** True when the text would render blank: nothing but the invisible characters above. */
export function isBlankText(value: string): boolean {
  return value.replace(INVISIBLE, '') === '';
}
