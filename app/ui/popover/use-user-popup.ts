import { useEffect, useState } from 'react';
import type { UserPopup } from '@/app/lib/user-popup';

export type PopupState = { status: 'loading' } | { status: 'ready'; user: UserPopup } | { status: 'error'; message: string };

const FAILED = 'Could not load this user. Please try again.';
const BY_STATUS: Record<number, string> = {
  401: 'Your session has ended. Please log in again.',
  404: 'This user does not exist any more.',
};

async function fetchUserPopup(username: string, signal: AbortSignal): Promise<PopupState> {
  const response = await fetch(`/user/${encodeURIComponent(username)}/popup`, { signal, cache: 'no-store', headers: { accept: 'application/json' } });
  if (!response.ok) return { status: 'error', message: BY_STATUS[response.status] ?? FAILED };
  return { status: 'ready', user: (await response.json()) as UserPopup };
}

/**
 * The card's data, fetched when the card mounts (that is, each time it opens: counts and the follow
 * state are never stale) and aborted when it closes first. The setter lets a follow show its result.
 */
export function useUserPopup(username: string) {
  const [state, setState] = useState<PopupState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    fetchUserPopup(username, controller.signal).then(
      (next) => {
        if (!controller.signal.aborted) setState(next);
      },
      () => {
        if (!controller.signal.aborted) setState({ status: 'error', message: FAILED });
      },
    );
    return () => controller.abort();
  }, [username]);
  return [state, setState] as const;
}
