import type { Metadata } from 'next';
import { getOwnAccount } from '@/db/queries/profiles';
import { signOutEverywhereAction } from '../lib/actions/settings';
import { requireViewer } from '../lib/auth';
import { ChangeEmailForm } from '../ui/settings/change-email-form';
import { ChangePasswordForm } from '../ui/settings/change-password-form';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const viewer = await requireViewer('/settings');
  const account = await getOwnAccount(viewer);
  return (
    <div className="narrow">
      <h1>Settings</h1>
      <ChangePasswordForm />
      <ChangeEmailForm email={account.email} />
      <form action={signOutEverywhereAction} className="card form" aria-labelledby="sign-out-heading">
        <h2 id="sign-out-heading">Sign out everywhere</h2>
        <p className="hint">Ends every session of your account, on every device, this one included.</p>
        <button type="submit" className="button button-danger">
          Sign Out Everywhere
        </button>
      </form>
    </div>
  );
}
