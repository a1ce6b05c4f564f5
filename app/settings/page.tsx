import type { Metadata } from 'next';
import { getOwnAccount } from '@/db/queries/profiles';
import { listSessions } from '@/db/queries/sessions';
import { requireViewer } from '../lib/auth';
import { ChangeEmailForm } from '../ui/settings/change-email-form';
import { ChangePasswordForm } from '../ui/settings/change-password-form';
import { SessionList } from '../ui/settings/session-list';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const viewer = await requireViewer('/settings');
  const [account, sessions] = await Promise.all([getOwnAccount(viewer), listSessions(viewer)]);
  return (
    <div className="narrow">
      <h1>Settings</h1>
      <ChangePasswordForm />
      <ChangeEmailForm email={account.email} />
      <SessionList sessions={sessions} />
    </div>
  );
}
