import { z } from 'zod';
import { codePointLength, isBlankText, normalizeText } from './text';

/**
 * A free-text field of min..max code points after `normalizeText` (see ./text.ts), with clear
 * messages. With min > 0, text that renders blank (only invisible characters) counts as empty.
 */
export function textField(label: string, min: number, max: number) {
  return z
    .string({ error: `${label} is required.` })
    .transform(normalizeText)
    .check((ctx) => {
      const length = codePointLength(ctx.value);
      if (min > 0 && isBlankText(ctx.value)) {
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
