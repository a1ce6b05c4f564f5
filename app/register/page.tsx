import type { Metadata } from 'next';
import Link from 'next/link';
import { RegisterForm } from '../ui/auth/register-form';

export const metadata: Metadata = { title: 'Register' };

export default function RegisterPage() {
  return (
    <div className="narrow">
      <h1>Register</h1>
      <RegisterForm />
      <p>
        Already registered? <Link href="/login">Sign in</Link>
      </p>
    </div>
  );
}
