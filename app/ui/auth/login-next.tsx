'use client';

import { useSearchParams } from 'next/navigation';
import { safeNextPath } from '@/app/lib/safe-redirect';

/**
 * The page a visitor was sent to the login page from (`/login?next=...`, set by proxy.ts). The login
 * page is built once for everyone, so the query is read in the browser; each part sits in its own
 * <Suspense> and the rest of the page is in the built HTML. The action checks `next` again
 * (safeNextPath) before redirecting: this is only what the form carries.
 */
function useNextPath(): string | undefined {
  const next = useSearchParams().get('next');
  return next === null ? undefined : safeNextPath(next);
}

/** "Please log in to access this page." when the visitor was sent here from a page that needs a session. */
export function LoginRequiredNotice() {
  return useNextPath() ? (
    <p className="alert" role="status">
      Please log in to access this page.
    </p>
  ) : null;
}

/** The hidden `next` field of the login form. */
export function NextPathField() {
  const next = useNextPath();
  return next ? <input type="hidden" name="next" value={next} /> : null;
}
