export function sqldPackageName(platform?: string, arch?: string): string;
export function sqldBinary(): string;
