/** @type {import('next').NextConfig} */
const nextConfig = {
  // Do not advertise the framework; nothing else here needs tuning by default.
  poweredByHeader: false,
  // /api/users/ must be a 404, not a redirect to /api/users (the API contract): proxy.ts answers
  // trailing slashes itself, redirecting pages as Next would and giving API URLs a JSON 404.
  skipTrailingSlashRedirect: true,
  // libSQL ships native bindings: load them from node_modules at run time instead of bundling.
  serverExternalPackages: ['@libsql/client', 'libsql'],
};

export default nextConfig;
