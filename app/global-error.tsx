'use client';

import Link from 'next/link';

/** Last resort when the root layout itself fails: no layout, no styles, still a friendly page. */
export default function GlobalError() {
  return (
    <html lang="en">
      <body>
        <main>
          <h1>An unexpected error has occurred</h1>
          <p>The administrator has been notified. Sorry for the inconvenience!</p>
          <p>
            <Link href="/">Back</Link>
          </p>
        </main>
      </body>
    </html>
  );
}
