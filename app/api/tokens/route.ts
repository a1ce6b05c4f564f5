import { UnauthenticatedError } from '@/db/errors';
import { issueTokenPair, refreshTokenPair, revokeTokenPair } from '@/db/queries/api-tokens';
import { clientAddressFrom } from '@/app/lib/client-address';
import { limitSignInAttempt } from '@/app/lib/rate-limit-guard';
import { endpoints } from '@/app/lib/api/endpoints';
import { ApiError } from '@/app/lib/api/errors';
import { apiHandler, apiRoute, bearerToken } from '@/app/lib/api/handler';
import { accessTokenTtlMs, basicCredentials, refreshTokenCookie, tokenResponse } from '@/app/lib/api/tokens';

export const { GET, POST, PUT, DELETE, PATCH, OPTIONS } = apiRoute({
  POST: apiHandler(endpoints.getTokens, async ({ request }) => {
    const credentials = basicCredentials(request);
    await limitSignInAttempt(clientAddressFrom(request.headers), credentials.login);
    try {
      return tokenResponse(request, await issueTokenPair(credentials, { accessTtlMs: accessTokenTtlMs() }));
    } catch (error) {
      if (error instanceof UnauthenticatedError) throw new ApiError(401, undefined, { 'WWW-Authenticate': 'Form' });
      throw error;
    }
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
