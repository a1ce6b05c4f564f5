import type { IncomingMessage } from 'node:http';

export type Trust = (address: string, hop: number) => boolean;
export function trustFrom(value: string | undefined): Trust;
export function rewriteForwardingHeaders(req: IncomingMessage, trust: Trust): { address: string; https: boolean };
