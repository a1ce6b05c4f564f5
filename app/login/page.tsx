import type { Metadata } from 'next';
import Link from 'next/link';
import { safeNextPath } from '../lib/safe-redirect';
import type { SearchParams } from '../lib/page-params';
import { LoginForm } from '../ui/auth/login-form';

export const metadata: Metadata = { title: 'Sign In' };

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const { next } = await searchParams;
  const target = typeof next === 'string' ? safeNextPath(next) : undefined;
  return (
    <div className="narrow">
      <h1>Sign In</h1>
      {target ? (
        <p className="alert" role="status">
          Please log in to access this page.
        </p>
      ) : null}
      <LoginForm next={target} />
      <p>
        New User? <Link href="/register">Click to Register!</Link>
      </p>
      <p>
        Forgot Your Password? <Link href="/reset-password">Click to Reset It</Link>
      </p>
    </div>
  );
}
