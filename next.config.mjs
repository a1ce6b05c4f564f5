/** @type {import('next').NextConfig} */
const nextConfig = {
  // Do not advertise the framework; nothing else here needs tuning by default.
  poweredByHeader: false,
  // libSQL ships native bindings: load them from node_modules at run time instead of bundling.
  serverExternalPackages: ['@libsql/client', 'libsql'],
};

export default nextConfig;
