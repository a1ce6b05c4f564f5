import { avatarUrl } from '@/db/avatar';

/**
 * A user's avatar at `size` CSS pixels; `avatar` is the DTO's URL without a size (db/avatar.ts). A plain
 * <img>: the picture is already resized by the avatar route, the image optimizer would only copy it.
 */
export function Avatar({ avatar, size, alt = '' }: { avatar: string; size: number; alt?: string }) {
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img className="avatar" src={avatarUrl(avatar, size)} width={size} height={size} alt={alt} loading="lazy" decoding="async" />
  );
}
