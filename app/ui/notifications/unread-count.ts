'use client';

import { useSyncExternalStore } from 'react';

/**
 * The unread counts this document shows (one per notification name: unread_message_count for the
 * Messages badge, unread_activity_count for Notifications), once it knows better than the page it
 * was rendered with: set by live notifications (app/ui/notifications/live-notifications.ts) and by
 * the page that changed a count itself (the inbox, the notifications page, with the notification it
 * stored). Null until then, so the server-rendered value shows.
 *
 * Every value carries its notification stamp and an older one never replaces a newer one: a message
 * that arrives while the inbox renders is announced after the inbox's own "0", and must stay shown.
 * Live values also win over later layout renders (router.refresh, an action's response), which may
 * have read the count before a write their own page made.
 */
let owner: number | null = null;
const counts = new Map<string, { count: number; stamp: number }>();
const listeners = new Set<() => void>();
let share: ((name: string, count: number, stamp: number) => void) | null = null;

function emit() {
  for (const listener of listeners) listener();
}

/**
 * The live connection of `userId` starts: forget what another account (before a re-login) saw, and
 * pass local announcements to `shareWithTabs`. Returns the function that stops passing them.
 */
export function claimUnreadCount(userId: number, shareWithTabs: (name: string, count: number, stamp: number) => void): () => void {
  if (owner !== null && owner !== userId) {
    counts.clear();
    emit();
  }
  owner = userId;
  share = shareWithTabs;
  return () => {
    if (share === shareWithTabs) share = null;
  };
}

/** Count `name` from a notification with its stamp; ignored when this document already has a newer one. */
export function offerUnreadCount(name: string, next: number, atStamp: number): boolean {
  const current = counts.get(name);
  if (current && atStamp <= current.stamp) return false;
  counts.set(name, { count: next, stamp: atStamp });
  if (current?.count !== next) emit();
  return true;
}

/**
 * A count this page has just stored (the inbox marked messages read): shown at once and passed to
 * the viewer's other tabs, ahead of the stream event that carries the same notification.
 */
export function announceLocalUnreadCount(name: string, next: number, atStamp: number): void {
  if (offerUnreadCount(name, next, atStamp)) share?.(name, next, atStamp);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Count `name` to show: the live one, or `rendered` (from the layout) until there is one. */
export function useUnreadCount(name: string, rendered: number): number {
  const live = useSyncExternalStore(
    subscribe,
    () => counts.get(name)?.count ?? null,
    () => null,
  );
  return live ?? rendered;
}
