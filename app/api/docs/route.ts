import { renderDocsPage } from '@/app/lib/api/docs-page';
import { openApiDocument } from '@/app/lib/api/openapi';

let html: string | undefined;

/** Human-readable API documentation, rendered from /api/openapi.json's document (works offline). */
export function GET() {
  html ??= renderDocsPage(openApiDocument() as Parameters<typeof renderDocsPage>[0]);
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
