import type { Metadata } from 'next';
import Link from 'next/link';
import { CookieFlash } from '../ui/shared/cookie-flash';
import { ResetRequestForm } from '../ui/auth/reset-request-form';

export const metadata: Metadata = { title: 'Reset Password' };
// Built once for every anonymous visitor, like the login page (see there).
export const dynamic = 'force-static';

export default function ResetPasswordRequestPage() {
  return (
    <>
      <CookieFlash />
      <div className="narrow">
        <h1>Reset Password</h1>
        <ResetRequestForm />
        <p>
          Remembered it? <Link href="/login">Sign in</Link>
        </p>
      </div>
    </>
  );
}
