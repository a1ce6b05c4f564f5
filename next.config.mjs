/** @type {import('next').NextConfig} */
const nextConfig = {
  // Do not advertise the framework; nothing else here needs tuning by default.
  poweredByHeader: false,
  // /api/users/ must be a 404, not a redirect to /api/users (the API contract): proxy.ts answers
  // trailing slashes itself, redirecting pages as Next would and giving API URLs a JSON 404.
  skipTrailingSlashRedirect: true,
  // Native bindings (libSQL; sharp's libvips): load them from node_modules at run time instead of bundling.
  serverExternalPackages: ['@libsql/client', 'libsql', 'sharp'],
  experimental: {
    // Edit Profile uploads a picture of up to 5 MB. proxy.ts still answers 413 to any other POST over
    // 1 MB, and to Edit Profile's over these 8 MB (see UPLOAD_BODY_BYTES there).
    serverActions: { bodySizeLimit: '8mb' },
  },
};

export default nextConfig;
