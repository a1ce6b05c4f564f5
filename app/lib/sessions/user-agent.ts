import 'server-only';
import Bowser from 'bowser';

/**
 * A user agent as a person recognises it: "Chrome 130 on Linux", "Safari on iOS 18.1". Browser and OS
 * come from bowser (a maintained MIT parser); the browser's major version only, since the rest changes
 * with every update. "Unknown browser" when the header was missing or unrecognisable.
 */
export function describeUserAgent(userAgent: string | null): string {
  if (!userAgent) return 'Unknown browser';
  const { browser, os } = Bowser.parse(userAgent);
  const major = browser.version?.split('.')[0];
  const name = browser.name ? [browser.name, major].filter(Boolean).join(' ') : 'Unknown browser';
  const system = os.name ? [os.name, os.versionName ?? os.version].filter(Boolean).join(' ') : null;
  return system ? `${name} on ${system}` : name;
}
