import { z } from 'zod';
import { codePointLength, isBlankText, normalizeText } from './text';

/**
 * A free-text field of min..max code points after `normalizeText` (see ./text.ts), with clear
 * messages. Text that renders blank (only invisible characters) counts as empty.
 */
export function textField(label: string, min: number, max: number) {
  return z
    .string({ error: `${label} is required.` })
    // Text that renders blank is empty: refused where required, stored as '' where optional (about me).
    .transform((value) => {
      const text = normalizeText(value);
      return isBlankText(text) ? '' : text;
    })
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
