// Headers every response gets, HTML, JSON, event streams, static files and error pages alike. The
// Content-Security-Policy is not here: it carries a per-request nonce, so proxy.ts sets it on pages.

/** Features this app never uses; a framed or injected script cannot ask for them either. */
const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
  'browsing-topics=()',
].join(', ');

export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': PERMISSIONS_POLICY,
};

/** One year; no includeSubDomains or preload, which commit other hosts of the domain too. */
export const HSTS = 'max-age=31536000';

/** Sets the headers on a Node response before Next.js writes it; HSTS only when the request came over HTTPS. */
export function setSecurityHeaders(res, { https }) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  if (https) res.setHeader('Strict-Transport-Security', HSTS);
}
