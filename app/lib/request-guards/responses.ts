import { NextResponse } from 'next/server';

/** Paths that answer JSON (the API, the user popup, the notification poll), so their errors are JSON too. */
export function isJsonEndpoint(pathname: string): boolean {
  return pathname.startsWith('/api/') || pathname === '/notifications' || /^\/user\/[^/]+\/popup$/.test(pathname);
}

const REFUSALS = {
  400: { error: 'Bad Request', title: 'That request could not be read', text: 'The form you sent was damaged or changed on the way. Please go back, reload the page and try again.' },
  403: { error: 'Forbidden', title: 'Cross-site request refused', text: 'This form was sent from another site. Please use the form on this site.' },
  413: { error: 'Payload Too Large', title: 'That was too large', text: 'What you sent is larger than the server accepts (1 MB, or 8 MB for a profile picture). Please go back, shorten it and try again.' },
} as const;

/**
 * A short answer to a request refused before any page runs: `{"error", "message"}` for JSON endpoints,
 * a small HTML page for everything else (a browser shows it after a form post).
 */
export function refusal(status: keyof typeof REFUSALS, pathname: string): NextResponse {
  const { error, title, text } = REFUSALS[status];
  if (isJsonEndpoint(pathname)) {
    return NextResponse.json({ error, message: text }, { status, headers: { 'Cache-Control': 'no-store' } });
  }
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} - Microblog</title></head>
<body><h1>${title}</h1><p>${text}</p><p><a href="/">Back</a></p></body></html>`;
  return new NextResponse(page, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
}

// No page has this address, so rendering it gives the app's own 404 page (layout, "Not Found", Back).
const NOT_FOUND_PATH = '/_not-found-malformed-path';

/** The friendly 404 page, or `{"error": "Not Found"}` for JSON endpoints. */
export function notFoundAnswer(request: Request, pathname: string): NextResponse {
  if (isJsonEndpoint(pathname)) {
    return NextResponse.json({ error: 'Not Found' }, { status: 404, headers: { 'Cache-Control': 'no-store' } });
  }
  return NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), { status: 404 });
}
