'use client';

import { useLayoutEffect } from 'react';
import { announceLocalUnreadCount } from './unread-count';

/**
 * Rendered by the inbox when its render marked messages read, with the unread_message_count
 * notification that stored (`count`, usually 0, and its `stamp`): the badge shows it before paint in
 * this tab and at once in the viewer's other tabs, unless a newer notification is already there.
 */
export function UnreadCountReset({ count, stamp }: { count: number; stamp: number }) {
  useLayoutEffect(() => announceLocalUnreadCount(count, stamp), [count, stamp]);
  return null;
}
