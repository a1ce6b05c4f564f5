import { notFound } from 'next/navigation';
import { connection } from 'next/server';

/** Exists only when MICROBLOG_TEST_ROUTES=1 (the end-to-end suite), to show the 500 page. */
export default async function TestErrorPage() {
  await connection();
  if (process.env.MICROBLOG_TEST_ROUTES !== '1') notFound();
  // The server logs this error with its stack, as it would any crash: in the e2e log it is expected.
  throw new Error('Deliberate failure for the 500 page test (e2e/errors.spec.ts); this error in the test log is expected');
}
