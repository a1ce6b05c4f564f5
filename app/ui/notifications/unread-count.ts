'use client';

import { useSyncExternalStore } from 'react';

/**
 * The unread message count this document shows, once it knows better than the page it was rendered
 * with: set by live notifications (app/ui/notifications/live-notifications.ts) and by the page that
 * changed the count itself (the inbox, with the notification it stored). Null until then, so the
 * server-rendered value shows.
 *
 * Every value carries its notification stamp and an older one never replaces a newer one: a message
 * that arrives while the inbox renders is announced after the inbox's own "0", and must stay shown.
 * Live values also win over later layout renders (router.refresh, an action's response), which may
 * have read the count before a write their own page made.
 */
let owner: number | null = null;
let count: number | null = null;
let stamp = 0;
const listeners = new Set<() => void>();
let share: ((count: number, stamp: number) => void) | null = null;

function emit(next: number | null) {
  if (next === count) return;
  count = next;
  for (const listener of listeners) listener();
}

/**
 * The live connection of `userId` starts: forget what another account (before a re-login) saw, and
 * pass local announcements to `shareWithTabs`. Returns the function that stops passing them.
 */
export function claimUnreadCount(userId: number, shareWithTabs: (count: number, stamp: number) => void): () => void {
  if (owner !== null && owner !== userId) {
    stamp = 0;
    emit(null);
  }
  owner = userId;
  share = shareWithTabs;
  return () => {
    if (share === shareWithTabs) share = null;
  };
}

/** A count from a notification with its stamp; ignored when this document already has a newer one. */
export function offerUnreadCount(next: number, atStamp: number): boolean {
  if (atStamp <= stamp) return false;
  stamp = atStamp;
  emit(next);
  return true;
}

/**
 * A count this page has just stored (the inbox marked messages read): shown at once and passed to
 * the viewer's other tabs, ahead of the stream event that carries the same notification.
 */
export function announceLocalUnreadCount(next: number, atStamp: number): void {
  if (offerUnreadCount(next, atStamp)) share?.(next, atStamp);
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
