import 'server-only';
import { notFound } from 'next/navigation';
import { NotFoundError } from '@/db/errors';

/** Runs a data-layer read; its NotFoundError becomes the 404 page. */
export async function loadOr404<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
