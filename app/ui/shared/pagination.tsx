import Link from 'next/link';

/** "Newer posts" / "Older posts" links for keyset pages; absent links are shown disabled, never dead. */
export function Pagination({ basePath, newer, older, noun = 'posts' }: { basePath: string; newer: string | null; older: string | null; noun?: string }) {
  if (!newer && !older) return null;
  const href = (key: string, cursor: string) => `${basePath}?${new URLSearchParams({ [key]: cursor })}`;
  return (
    <nav className="pagination" aria-label="Pagination">
      {newer ? <Link href={href('after', newer)}>← Newer {noun}</Link> : <span aria-disabled="true">← Newer {noun}</span>}
      {older ? <Link href={href('before', older)}>Older {noun} →</Link> : <span aria-disabled="true">Older {noun} →</span>}
    </nav>
  );
}
