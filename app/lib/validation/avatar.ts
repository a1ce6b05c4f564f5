/** What Edit Profile's picture fields ask for. */
export type AvatarChoice = { kind: 'keep' } | { kind: 'remove' } | { kind: 'upload'; file: File };

// A browser sends an empty file with an empty file name when nothing was chosen. Next decodes a
// script-driven submission with busboy, which reports that name as missing, and React then names the
// File "undefined"; a form posted without JavaScript keeps "".
const NOTHING_CHOSEN = new Set(['', 'undefined']);

/**
 * Reads the `avatar` file input and the `removeAvatar` checkbox. An empty, nameless file means nothing
 * was chosen: that keeps the picture. A named file, even an empty one, is an upload (its content is
 * checked by db/avatar-image.ts). A new file wins over "Remove picture".
 */
export function avatarChoice(formData: FormData): AvatarChoice {
  const file = formData.get('avatar');
  if (file instanceof File && (file.size > 0 || !NOTHING_CHOSEN.has(file.name))) return { kind: 'upload', file };
  return formData.get('removeAvatar') === 'on' ? { kind: 'remove' } : { kind: 'keep' };
}
