import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { endpoints, type Endpoint } from './endpoints';
import { errorResponseSchema } from './schemas';

/**
 * The OpenAPI 3.1 document of the REST API, generated from the endpoint list and the zod schemas the
 * handlers validate with (app/lib/api/endpoints.ts, schemas.ts). Built once per process.
 */
const REASONS: Record<number, string> = {
  400: 'Invalid input: a validation error names the fields (`errors.json` or `errors.query`)',
  401: 'Missing, invalid or expired credentials',
  403: 'Not yours',
  404: 'No such resource',
  409: 'Already in that state',
  429: 'Too many attempts; see Retry-After',
  503: 'Busy; see Retry-After',
};

function register(registry: OpenAPIRegistry, e: Endpoint) {
  const pathParams = [...e.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const errorContent = { 'application/json': { schema: errorResponseSchema } };
  registry.registerPath({
    method: e.method,
    path: `/api${e.path}`,
    tags: [e.tag],
    summary: e.summary,
    security: e.auth === 'bearer' ? [{ bearer: [] }] : e.auth === 'basic' ? [{ basic: [] }] : [],
    request: {
      params: pathParams.length ? z.object(Object.fromEntries(pathParams.map((p) => [p, z.string()]))) : undefined,
      query: e.query as z.ZodObject | undefined,
      body: e.body ? { content: { 'application/json': { schema: e.body } }, required: true } : undefined,
    },
    responses: {
      [e.success.status]: {
        description: e.success.description,
        ...(e.success.schema ? { content: { 'application/json': { schema: e.success.schema } } } : {}),
      },
      ...Object.fromEntries([...e.errors, ...(e.auth === 'basic' || e.path.startsWith('/tokens') ? [429] : []), 503].map((s) => [s, { description: REASONS[s], content: errorContent }])),
    },
  });
}

let document: unknown;

export function openApiDocument(): unknown {
  if (document) return document;
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'An access token from POST /api/tokens' });
  registry.registerComponent('securitySchemes', 'basic', { type: 'http', scheme: 'basic', description: 'Username or e-mail, and password' });
  for (const e of Object.values(endpoints)) register(registry, e as Endpoint);
  document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Microblog API',
      version: '1.0.0',
      description:
        'The REST API of Microblog, compatible with the microblog-api clients. Collections take `limit` (1 to 25), `offset` or `after`, and answer `{data, pagination: {offset, limit, count, total}}`. Every error has the body `{code, message, description}`.',
    },
  });
  return document;
}
