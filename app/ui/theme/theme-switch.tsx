'use client';

import { useState, useSyncExternalStore } from 'react';
import { Moon } from 'lucide-react';
import { setThemeAction } from '@/app/lib/theme/actions';
import { parseTheme, THEME_COOKIE, THEME_MAX_AGE_S, type Theme } from '@/app/lib/theme/theme';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void) {
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** <html data-theme> never changes except through this switch, which keeps its own state. */
const subscribeNever = () => () => {};

/** Applies a theme at once (the attribute the stylesheet reads) and remembers it for the server. */
function applyTheme(theme: Theme) {
  document.documentElement.dataset.theme = theme;
  document.cookie = `${THEME_COOKIE}=${theme}; Max-Age=${THEME_MAX_AGE_S}; path=/; SameSite=Lax`;
}

/**
 * "Dark theme", a toggle button (aria-pressed) in the navigation. Until pressed it shows the system
 * setting; once pressed the choice is stored in a cookie that the server reads to render <html
 * data-theme>, so later pages paint in the chosen theme at once (no flash; the prerendered pages get it
from a small head script, app/lib/theme/theme-script.ts).
 * Without JavaScript the form posts the same choice to setThemeAction.
 *
 * `theme`: the cookie's value when the page was rendered (null: none, follow the system).
 */
export function ThemeSwitch({ theme }: { theme: Theme | null }) {
  // false on the server and during hydration (the server cannot know), then the real setting.
  const systemDark = useSyncExternalStore(subscribe, () => window.matchMedia(DARK_QUERY).matches, () => false);
  // The page's theme as rendered: the server's `theme`, or on a prerendered page (which the server
  // rendered without the cookie) what the head script set; then whatever the reader presses.
  const rendered = useSyncExternalStore(subscribeNever, () => parseTheme(document.documentElement.dataset.theme), () => theme);
  const [pressed, setChosen] = useState<Theme | null>(null);
  const chosen = pressed ?? rendered;
  const dark = (chosen ?? (systemDark ? 'dark' : 'light')) === 'dark';
  const next: Theme = dark ? 'light' : 'dark';
  return (
    <form action={setThemeAction} className="nav-form">
      <input type="hidden" name="theme" value={next} />
      <button
        type="submit"
        className="nav-item"
        aria-pressed={dark}
        onClick={(event) => {
          event.preventDefault();
          applyTheme(next);
          setChosen(next);
        }}
      >
        <Moon className="nav-icon" aria-hidden="true" />
        <span className="nav-label">
          Dark<span className="visually-hidden"> theme</span>
        </span>
      </button>
    </form>
  );
}
