import type { Metadata } from 'next';
import { getUnreadCounts, getViewer } from './lib/auth';
import { readFlash } from './lib/flash';
import { FlashMessage } from './ui/shared/flash-message';
import { Nav } from './ui/nav';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Welcome to Microblog', template: '%s - Microblog' },
  description: 'Microblog: short posts from people you follow.',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [viewer, flash, unread] = await Promise.all([getViewer(), readFlash(), getUnreadCounts()]);
  return (
    <html lang="en">
      <body>
        <Nav viewer={viewer} unread={unread} />
        <main className="container">
          {flash ? <FlashMessage id={flash.id} message={flash.message} /> : null}
          {children}
        </main>
      </body>
    </html>
  );
}
