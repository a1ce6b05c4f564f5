'use client';

import Link from 'next/link';

/** The friendly 500 page. The cause is in the server log (with the digest shown here). */
export default function ErrorPage({ error }: { error: Error & { digest?: string } }) {
  const tooLarge = /body exceeded|too large/i.test(error.message);
  return (
    <div className="narrow">
      <h1>{tooLarge ? 'That was too large' : 'An unexpected error has occurred'}</h1>
      <p>
        {tooLarge
          ? 'What you sent is larger than the server accepts. Please shorten it and try again.'
          : 'The administrator has been notified. Sorry for the inconvenience!'}
      </p>
      {error.digest ? <p className="hint">Reference: {error.digest}</p> : null}
      <p>
        <Link href="/">Back</Link>
      </p>
    </div>
  );
}
