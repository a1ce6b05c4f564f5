/** What Edit Profile's picture fields ask for. */
export type AvatarChoice = { kind: 'keep' } | { kind: 'remove' } | { kind: 'upload'; file: File };

/**
 * Reads the `avatar` file input and the `removeAvatar` checkbox. A browser sends a nameless empty file
 * when nothing was chosen: that keeps the picture. A named file, even an empty one, is an upload (its
 * content is checked by db/avatar-image.ts). A new file wins over "Remove picture".
 */
export function avatarChoice(formData: FormData): AvatarChoice {
  const file = formData.get('avatar');
  if (file instanceof File && (file.name !== '' || file.size > 0)) return { kind: 'upload', file };
  return formData.get('removeAvatar') === 'on' ? { kind: 'remove' } : { kind: 'keep' };
}
