import type { Metadata, Viewport } from 'next';
import { getUnreadCounts, getViewer } from './lib/auth';
import { readFlash } from './lib/flash';
import { readTheme } from './lib/theme/read-theme';
import { THEME_SCRIPT } from './lib/theme/theme-script';
import { requestNonce } from './lib/security/request-nonce';
import { FlashMessage } from './ui/shared/flash-message';
import { Nav } from './ui/nav';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Welcome to Microblog', template: '%s - Microblog' },
  description: 'Microblog: short posts from people you follow.',
};

// Both schemes: the browser's own parts (scrollbars, form controls) follow the page's theme.
export const viewport: Viewport = { width: 'device-width', initialScale: 1, colorScheme: 'light dark' };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [viewer, flash, unread, theme, nonce] = await Promise.all([getViewer(), readFlash(), getUnreadCounts(), readTheme(), requestNonce()]);
  return (
    // data-theme only when the reader chose one; without it the stylesheet follows prefers-color-scheme.
    // suppressHydrationWarning: on prerendered pages THEME_SCRIPT sets data-theme before React hydrates.
    <html lang="en" data-theme={theme ?? undefined} suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <Nav viewer={viewer} unread={unread} theme={theme} />
        {/* No tabIndex: the skip link still moves the keyboard's starting point here (the next Tab
            reaches the first control of the page), and a click in the text does not focus <main>. */}
        <main id="main" className="container">
          {flash ? <FlashMessage id={flash.id} message={flash.message} /> : null}
          {children}
        </main>
        <footer className="site-footer">
          <p className="container">Microblog, an open-source rebuild of the Flask Mega-Tutorial&apos;s microblog.</p>
        </footer>
      </body>
    </html>
  );
}
