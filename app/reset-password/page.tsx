import type { Metadata } from 'next';
import Link from 'next/link';
import { ResetRequestForm } from '../ui/auth/reset-request-form';

export const metadata: Metadata = { title: 'Reset Password' };

export default function ResetPasswordRequestPage() {
  return (
    <div className="narrow">
      <h1>Reset Password</h1>
      <ResetRequestForm />
      <p>
        Remembered it? <Link href="/login">Sign in</Link>
      </p>
    </div>
  );
}
