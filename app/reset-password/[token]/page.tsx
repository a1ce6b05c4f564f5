import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { INVALID_RESET_LINK, isPasswordResetTokenValid } from '@/db/queries/password-reset';
import { ResetPasswordForm } from '../../ui/auth/reset-password-form';

export const metadata: Metadata = { title: 'Reset Your Password' };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const valid = await isPasswordResetTokenValid(token);
  return (
    <div className="narrow">
      <h1>Reset Your Password</h1>
      {valid ? (
        <ResetPasswordForm token={token} />
      ) : (
        <>
          <p className="alert alert-error" role="alert">
            {INVALID_RESET_LINK} Links work once, for 10 minutes.
          </p>
          <p>
            <Link href="/reset-password">Request a new password reset link</Link>
          </p>
        </>
      )}
    </div>
  );
}
