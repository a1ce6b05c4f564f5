import { z } from 'zod';

/** Length as people (and the reference's Python) count it: Unicode code points, not UTF-16 units. */
export function codePointLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/** Line endings to \n, and other control characters removed: they have no place in text we show. */
export function cleanText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
}

/** A trimmed, cleaned text field of min..max code points with clear messages. */
export function textField(label: string, min: number, max: number) {
  return z
    .string({ error: `${label} is required.` })
    .transform((v) => cleanText(v).trim())
    .check((ctx) => {
      const length = codePointLength(ctx.value);
      if (min > 0 && length === 0) {
        ctx.issues.push({ code: 'custom', input: ctx.value, message: `${label} cannot be empty.` });
      } else if (length > max) {
        ctx.issues.push({
          code: 'custom',
          input: ctx.value,
          message: `${label} must be at most ${max} characters (it has ${length}).`,
        });
      }
    });
}
