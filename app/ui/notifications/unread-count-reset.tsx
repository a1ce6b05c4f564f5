'use client';

import { useLayoutEffect } from 'react';
import { setLocalUnreadCount } from './unread-count';

/**
 * Rendered by a page that has just marked the viewer's messages read (the inbox): clears the badge
 * in this tab before paint and in the viewer's other tabs at once, ahead of the notification that
 * confirms it. Render it only when that render did mark messages read: it overrides whatever count
 * this document has at that moment.
 */
export function UnreadCountReset() {
  useLayoutEffect(() => setLocalUnreadCount(0), []);
  return null;
}
