import { gravatarUrl } from '@/db/avatar';

/** A Gravatar identicon. A plain <img>: the image optimizer would only proxy Gravatar through our server. */
export function Avatar({ hash, size, alt = '' }: { hash: string; size: number; alt?: string }) {
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img className="avatar" src={gravatarUrl(hash, size)} width={size} height={size} alt={alt} loading="lazy" decoding="async" />
  );
}
