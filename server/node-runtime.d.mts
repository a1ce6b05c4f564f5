export function pinnedNodeVersion(): string | null;
export function olderNodeNotice(running?: string, pinned?: string | null): string | null;
