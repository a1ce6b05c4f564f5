import { plural } from './plural';

/**
 * The live "N characters left" / "N characters too many" line of a text field. `length` comes from
 * `textLength` (app/lib/validation/text.ts), the count the server enforces.
 */
export function CharacterCounter({ length, max }: { length: number; max: number }) {
  const over = length > max;
  return (
    <span className={over ? 'counter counter-over' : 'counter'} aria-live="polite">
      {over ? `${plural(length - max, 'character', 'characters')} too many` : `${plural(max - length, 'character', 'characters')} left`}
    </span>
  );
}
