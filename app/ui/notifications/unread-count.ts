'use client';

import { useSyncExternalStore } from 'react';

/**
 * The unread message count this document shows, once it knows better than the page it was rendered
 * with: set by live notifications (app/ui/notifications/live-notifications.ts) and by pages that
 * change the count themselves (the inbox). Null until then, so the server-rendered value shows.
 *
 * Live values win over later layout renders (router.refresh, an action's response): notifications
 * arrive in order and carry the count at the moment it changed, while a render may have read the
 * count before a write that its own page made (the inbox marks messages read after the layout read).
 */
let owner: number | null = null;
let count: number | null = null;
const listeners = new Set<() => void>();
let shareLocal: ((count: number) => void) | null = null;

function emit(next: number | null) {
  if (next === count) return;
  count = next;
  for (const listener of listeners) listener();
}

/** The live connection of `userId` starts: forget what another account (before a re-login) saw. */
export function claimUnreadCount(userId: number, share: (count: number) => void): void {
  if (owner !== null && owner !== userId) emit(null);
  owner = userId;
  shareLocal = share;
}

/** A count from a notification (already ordered by its stamp), from this tab's stream or another tab's. */
export function showUnreadCount(next: number): void {
  emit(next);
}

/**
 * A count this page knows to be right now (e.g. 0 after the inbox marked everything read): shown at
 * once and passed to the other tabs, ahead of the notification that will confirm it.
 */
export function setLocalUnreadCount(next: number): void {
  emit(next);
  shareLocal?.(next);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The count to show: the live one, or `rendered` (from the layout) until there is one. */
export function useUnreadCount(rendered: number): number {
  const live = useSyncExternalStore(
    subscribe,
    () => count,
    () => null,
  );
  return live ?? rendered;
}
