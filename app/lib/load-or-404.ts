import 'server-only';
import { notFound } from 'next/navigation';
import { ForbiddenError, NotFoundError } from '@/db/errors';

/**
 * Runs a data-layer read; its NotFoundError becomes the 404 page, and so does its ForbiddenError: a
 * page about something the viewer may not touch (someone else's post to edit) looks like one that does
 * not exist, rather than a 500 page or a hint that it exists.
 */
export async function loadOr404<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) notFound();
    throw error;
  }
}
