import type { IncomingMessage, ServerResponse } from 'node:http';

export function inlineScriptHashes(html: string): string[];
export function readPrerenderedPages(buildDir: string): Map<string, { html: string; hashes: string[] }>;
export function prerenderedPageServer(options: { buildDir: string }): (req: IncomingMessage, res: ServerResponse, context: { https: boolean }) => boolean;
