import { UnauthenticatedError } from '../errors';
import type { Viewer } from '../viewer';

/** The viewer, or UnauthenticatedError: every read and write of this app needs a signed-in user. */
export function signedIn(viewer: Viewer | null): Viewer {
  if (!viewer) throw new UnauthenticatedError('Please log in to access this page.');
  return viewer;
}
