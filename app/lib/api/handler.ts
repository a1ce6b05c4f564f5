import 'server-only';
import { withRequestOrigin } from './request-origin';
import type { z } from 'zod';
import { authenticateAccessToken, type ApiViewer } from '@/db/queries/api-tokens';
import { recordActivity } from '@/db/queries/sessions';
import { pokeNotificationHub } from '../notifications/hub';
import { corsHeaders, isPreflight, preflightResponse } from './cors';
import type { Auth, Endpoint } from './endpoints';
import { ApiError, apiErrorFrom, errorResponse, fieldErrorsOf, validationError } from './errors';

/**
 * The one wrapper of every REST API route handler: CORS on every answer (errors included), bearer
 * authentication (401 with the contract's body), the JSON body and the query string parsed with the
 * endpoint's zod schemas (400 with `errors`), domain errors mapped in one place (app/lib/api/errors.ts),
 * and after every successful write the notification hub poked (app/lib/notifications/hub.ts).
 * Handlers hold only their own logic: they return a value (JSON with the endpoint's status), nothing
 * (204), or a Response of their own (cookies).
 */
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface ApiContext<A extends Auth, B, Q> {
  request: Request;
  params: Record<string, string>;
  body: Out<B>;
  query: Out<Q>;
  /** The token's user for bearer endpoints (their activity already recorded); null otherwise. */
  viewer: A extends 'bearer' ? ApiViewer : null;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };
export type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>;

const MAX_BODY_BYTES = 1_000_000;

/** Reads a JSON body; other content types and empty bodies count as `{}` (the contract's rule). */
async function readJsonBody(request: Request): Promise<unknown> {
  if (!/^application\/([\w.-]+\+)?json\b/i.test(request.headers.get('content-type') ?? '')) return {};
  if (Number(request.headers.get('content-length')) > MAX_BODY_BYTES) throw new ApiError(413);
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new ApiError(413);
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'The request body is not valid JSON.');
  }
}

function parseWith<S extends z.ZodType>(schema: S, input: unknown, location: 'json' | 'query'): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(location, fieldErrorsOf(result.error));
  return result.data;
}

/** The access token of `Authorization: Bearer <token>`, or null. */
export function bearerToken(request: Request): string | null {
  return /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1] ?? null;
}

async function authenticate(request: Request): Promise<ApiViewer> {
  const token = bearerToken(request);
  const viewer = token ? await authenticateAccessToken(token) : null;
  if (!viewer) throw new ApiError(401, undefined, { 'WWW-Authenticate': 'Bearer realm="Authentication Required"' });
  await recordActivity(viewer, viewer.lastSeen);
  return viewer;
}

function withHeaders(response: Response, headers: Headers): Response {
  for (const [name, value] of headers) response.headers.set(name, value);
  return response;
}

/** Wraps one endpoint's logic into a route handler. */
export function apiHandler<A extends Auth, B extends z.ZodType | undefined, Q extends z.ZodType | undefined>(
  endpoint: Endpoint<A, B, Q>,
  handle: (context: ApiContext<A, B, Q>) => Promise<unknown>,
): RouteHandler {
  return (request, context) => withRequestOrigin(request, async () => {
    const cors = corsHeaders(request);
    try {
      const viewer = endpoint.auth === 'bearer' ? await authenticate(request) : null;
      const url = new URL(request.url);
      const query = endpoint.query ? parseWith(endpoint.query, Object.fromEntries(url.searchParams), 'query') : undefined;
      const body = endpoint.body ? parseWith(endpoint.body, await readJsonBody(request), 'json') : undefined;
      const raw = (await context.params) ?? {};
      const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join('/') : v]));
      const result = await handle({ request, params, body, query, viewer } as ApiContext<A, B, Q>);
      // A write may have notified someone (a reply, a mention, a like, a follow): this instance's live
      // streams hear it now, as after the web's actions, instead of at the hub's next poll.
      if (endpoint.method !== 'get') pokeNotificationHub();
      if (result instanceof Response) return withHeaders(result, cors);
      if (result === undefined) return new Response(null, { status: 204, headers: cors });
      cors.set('Cache-Control', 'no-store');
      return Response.json(result, { status: endpoint.success.status, headers: cors });
    } catch (error) {
      return errorResponse(apiErrorFrom(error), cors);
    }
  });
}

/** A JSON error with CORS headers, for answers outside any endpoint (unknown URLs, wrong methods). */
export function apiErrorResponse(request: Request, error: ApiError): Response {
  return errorResponse(error, corsHeaders(request));
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;
type Method = (typeof METHODS)[number];

/**
 * A route file's exports: its own methods, OPTIONS (preflights answered without authentication), and
 * a JSON 405 with an Allow header for every other method (Next.js would answer an empty 405).
 */
export function apiRoute(handlers: Partial<Record<Method, RouteHandler>>): Record<Method | 'OPTIONS', RouteHandler> {
  const allow = [...Object.keys(handlers), 'OPTIONS'].join(', ');
  const notAllowed: RouteHandler = async (request) => apiErrorResponse(request, new ApiError(405, undefined, { Allow: allow }));
  const options: RouteHandler = async (request) => {
    if (isPreflight(request)) return preflightResponse(request);
    const headers = corsHeaders(request);
    headers.set('Allow', allow);
    return new Response(null, { status: 204, headers });
  };
  const routes = Object.fromEntries(METHODS.map((m) => [m, handlers[m] ?? notAllowed])) as Record<Method, RouteHandler>;
  return { ...routes, OPTIONS: options };
}
