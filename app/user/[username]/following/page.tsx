import type { Metadata } from 'next';
import { decodeSegment, type SearchParams } from '@/app/lib/page-params';
import { ConnectionsPage } from '@/app/ui/profile/connections-page';

type Params = Promise<{ username: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `following of ${decodeSegment((await params).username)}` };
}

export default async function Page({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { after } = await searchParams;
  const username = decodeSegment((await params).username);
  return <ConnectionsPage username={username} direction="following" after={typeof after === 'string' ? after : null} />;
}
