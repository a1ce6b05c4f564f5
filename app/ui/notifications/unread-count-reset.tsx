'use client';

import { useLayoutEffect } from 'react';
import { announceLocalUnreadCount } from './unread-count';

/**
 * Rendered by the inbox (or the notifications page) when its render marked items read, with the
 * notification `name` (unread_message_count by default) that stored (`count`, usually 0, and its `stamp`): the badge shows it before paint in
 * this tab and at once in the viewer's other tabs, unless a newer notification is already there.
 */
export function UnreadCountReset({ name = 'unread_message_count', count, stamp }: { name?: string; count: number; stamp: number }) {
  useLayoutEffect(() => announceLocalUnreadCount(name, count, stamp), [name, count, stamp]);
  return null;
}
