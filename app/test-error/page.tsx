import { notFound } from 'next/navigation';
import { connection } from 'next/server';

/** Exists only when MICROBLOG_TEST_ROUTES=1 (the end-to-end suite), to show the 500 page. */
export default async function TestErrorPage() {
  await connection();
  if (process.env.MICROBLOG_TEST_ROUTES !== '1') notFound();
  throw new Error('Deliberate failure for the 500 page test');
}
