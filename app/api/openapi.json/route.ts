import { corsHeaders } from '@/app/lib/api/cors';
import { openApiDocument } from '@/app/lib/api/openapi';

/** The OpenAPI 3.1 document (any method but GET reaches the catch-all's JSON 405/404 rules of Next). */
export function GET(request: Request) {
  return Response.json(openApiDocument(), { headers: corsHeaders(request) });
}
