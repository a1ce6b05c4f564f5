import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { CookieFlash } from '../ui/shared/cookie-flash';
import { LoginForm } from '../ui/auth/login-form';
import { LoginRequiredNotice } from '../ui/auth/login-next';

export const metadata: Metadata = { title: 'Sign In' };
// The same for every visitor who may see it (proxy.ts sends signed-in users home): built once, served
// as a file, with a hash-based Content-Security-Policy (proxy.ts, app/lib/security/). The layout sees no
// cookies here, so it renders the signed-out navigation; the flash and `next` are read in the browser.
export const dynamic = 'force-static';

export default function LoginPage() {
  return (
    <>
      <CookieFlash />
      <div className="narrow">
        <h1>Sign In</h1>
        <Suspense fallback={null}>
          <LoginRequiredNotice />
        </Suspense>
        <LoginForm />
        <p>
          New User? <Link href="/register">Click to Register!</Link>
        </p>
        <p>
          Forgot Your Password? <Link href="/reset-password">Click to Reset It</Link>
        </p>
      </div>
    </>
  );
}
