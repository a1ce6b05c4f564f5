import { NotFoundError } from '@/db/errors';
import { requestPasswordReset, resetPassword } from '@/db/queries/password-reset';
import { limitResetAttempt, limitResetRequest } from '@/app/lib/rate-limit-guard';
import { siteOriginFrom } from '@/app/lib/site-origin';
import { endpoints } from '@/app/lib/api/endpoints';
import { validationError } from '@/app/lib/api/errors';
import { apiHandler, apiRoute } from '@/app/lib/api/handler';

export const { GET, POST, PUT, DELETE, PATCH, OPTIONS } = apiRoute({
  // 204 whether or not the address has an account; the e-mail goes out in the background.
  POST: apiHandler(endpoints.requestReset, async ({ request, body }) => {
    await limitResetRequest(body.email);
    await requestPasswordReset({ email: body.email, origin: siteOriginFrom(request.headers), resetUrl: process.env.PASSWORD_RESET_URL?.trim() || undefined });
  }),
  PUT: apiHandler(endpoints.resetPassword, async ({ body }) => {
    await limitResetAttempt();
    try {
      await resetPassword({ token: body.token, password: body.new_password });
    } catch (error) {
      // The contract's original answers a bare 400 here; naming the field lets clients show it (section 10.1).
      if (error instanceof NotFoundError) throw validationError('json', { token: [error.message] });
      throw error;
    }
  }),
});
