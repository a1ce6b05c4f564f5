import { UnauthenticatedError } from '@/db/errors';
import { issueTokenPair, refreshTokenPair, revokeTokenPair } from '@/db/queries/api-tokens';
import { clientAddressFrom, rateLimitClientKey } from '@/app/lib/client-address';
import { throttleSignIn } from '@/app/lib/sign-in-throttle';
import { endpoints } from '@/app/lib/api/endpoints';
import { ApiError } from '@/app/lib/api/errors';
import { apiHandler, apiRoute, bearerToken } from '@/app/lib/api/handler';
import { accessTokenTtlMs, basicCredentials, refreshTokenCookie, tokenResponse } from '@/app/lib/api/tokens';

export const { GET, POST, PUT, DELETE, PATCH, OPTIONS } = apiRoute({
  POST: apiHandler(endpoints.getTokens, async ({ request }) => {
    const credentials = basicCredentials(request);
    // The web's sign-in limits (failures only), per client and account: a wrong password is null here.
    const pair = await throttleSignIn(credentials.login, rateLimitClientKey(clientAddressFrom(request.headers)), async () => {
      try {
        return await issueTokenPair(credentials, { accessTtlMs: accessTokenTtlMs() });
      } catch (error) {
        if (error instanceof UnauthenticatedError) return null;
        throw error;
      }
    });
    if (!pair) throw new ApiError(401, undefined, { 'WWW-Authenticate': 'Form' });
    return tokenResponse(request, pair);
  }),
  PUT: apiHandler(endpoints.refreshTokens, async ({ request, body }) => {
    const refreshToken = body.refresh_token ?? refreshTokenCookie(request);
    if (!refreshToken) throw new UnauthenticatedError('No refresh token.');
    return tokenResponse(request, await refreshTokenPair({ accessToken: body.access_token, refreshToken }, { accessTtlMs: accessTokenTtlMs() }));
  }),
  DELETE: apiHandler(endpoints.revokeToken, async ({ request }) => {
    await revokeTokenPair(bearerToken(request)!);
  }),
});
