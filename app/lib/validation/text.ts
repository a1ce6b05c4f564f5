import { z } from 'zod';
import { codePointLength } from '../limits';

/** Line endings to \n, and other control characters removed: they have no place in text we show. */
export function cleanText(value: string): string {
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
