import type { Metadata } from 'next';
import Link from 'next/link';
import { CookieFlash } from '../ui/shared/cookie-flash';
import { RegisterForm } from '../ui/auth/register-form';

export const metadata: Metadata = { title: 'Register' };
// Built once for every anonymous visitor, like the login page (see there).
export const dynamic = 'force-static';

export default function RegisterPage() {
  return (
    <>
      <CookieFlash />
      <div className="narrow">
        <h1>Register</h1>
        <RegisterForm />
        <p>
          Already registered? <Link href="/login">Sign in</Link>
        </p>
      </div>
    </>
  );
}
