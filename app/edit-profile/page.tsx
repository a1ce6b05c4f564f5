import type { Metadata } from 'next';
import { avatarUrl } from '@/db/avatar';
import { getOwnAccount } from '@/db/queries/profiles';
import { requireViewer } from '../lib/auth';
import { EditProfileForm } from '../ui/profile/edit-profile-form';

export const metadata: Metadata = { title: 'Edit Profile' };

export default async function EditProfilePage() {
  const viewer = await requireViewer('/edit-profile');
  const account = await getOwnAccount(viewer);
  return (
    <div className="narrow">
      <h1>Edit Profile</h1>
      <EditProfileForm
        username={account.username}
        aboutMe={account.aboutMe}
        email={account.email}
        avatarSrc={avatarUrl(account.avatar, 64)}
        hasPicture={account.hasPicture}
      />
    </div>
  );
}
