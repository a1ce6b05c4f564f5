import { useEffect, useMemo, useRef, useState } from 'react';

export interface OpenIntent {
  open: boolean;
  /** The pointer entered (true) or left (false) the name or its card. */
  pointer(inside: boolean): void;
  /** Keyboard focus entered (true) or left (false) the name or its card. */
  focus(inside: boolean): void;
  /** A tap on a touch screen, which has no hover: opens at once and stays open until dismiss(). */
  tap(): void;
  /**
   * Closes at once (Escape, a tap elsewhere) and forgets the pointer and focus already inside, so it stays closed until
   * one of them leaves and comes back. Move the focus back to the name before calling it.
   */
  dismiss(): void;
}

/**
 * Open once the pointer or keyboard focus has rested on the target for `openDelayMs`; close
 * `closeDelayMs` after both have left. A quick pass never opens (so nothing is fetched), and the
 * close delay lets the pointer cross the gap between a name and its card.
 */
export function useOpenIntent(openDelayMs: number, closeDelayMs: number): OpenIntent {
  const [open, setOpen] = useState(false);
  const state = useRef({ pointer: false, focus: false, tapped: false, open: false, timer: undefined as ReturnType<typeof setTimeout> | undefined });

  const intent = useMemo(() => {
    const apply = (next: boolean) => {
      state.current.open = next;
      setOpen(next);
    };
    // After every change: head for the wanted state after its delay (a newer change cancels it).
    const reconsider = () => {
      const s = state.current;
      clearTimeout(s.timer);
      const wanted = s.pointer || s.focus || s.tapped;
      if (wanted !== s.open) s.timer = setTimeout(() => apply(wanted), wanted ? openDelayMs : closeDelayMs);
    };
    return {
      pointer(inside: boolean) {
        state.current.pointer = inside;
        reconsider();
      },
      focus(inside: boolean) {
        state.current.focus = inside;
        reconsider();
      },
      tap() {
        const s = state.current;
        clearTimeout(s.timer);
        s.tapped = true;
        apply(true);
      },
      dismiss() {
        const s = state.current;
        clearTimeout(s.timer);
        s.pointer = s.focus = s.tapped = false;
        apply(false);
      },
    };
  }, [openDelayMs, closeDelayMs]);

  useEffect(() => () => clearTimeout(state.current.timer), []);
  return { open, ...intent };
}
