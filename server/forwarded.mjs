// Who the client is, decided once per request from the socket: `next start` keeps whatever
// X-Forwarded-For a client sends, so rate limits keyed on it could be dodged by changing the header.
import proxyaddr from 'proxy-addr';

/**
 * The operator's TRUSTED_PROXIES as a proxy-addr trust function (Express's "trust proxy" rules):
 * unset or empty trusts nobody (the socket's address is the client); a number N trusts the N hops
 * closest to this server; otherwise a comma list of addresses, CIDRs and proxy-addr's names
 * (`loopback`, `linklocal`, `uniquelocal`).
 * @throws TypeError on an address or CIDR proxy-addr cannot parse (so a typo stops the start).
 */
export function trustFrom(value) {
  const text = String(value ?? '').trim();
  if (!text) return () => false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return (_address, hop) => hop < hops;
  }
  return proxyaddr.compile(text.split(',').map((part) => part.trim()).filter(Boolean));
}

const first = (value) => String(Array.isArray(value) ? value[0] : (value ?? '')).split(',')[0].trim().toLowerCase();

/**
 * Replaces the request's forwarding headers with what the trust rule allows, before Next.js sees them:
 * `x-forwarded-for` becomes the single client address (the socket's, or the nearest untrusted hop's
 * when the peer is a trusted proxy), `x-forwarded-proto` is `https` only over TLS or when a trusted
 * proxy says so, and `x-forwarded-host` / `x-forwarded-port` / `forwarded` / `x-real-ip` survive only
 * from a trusted proxy. Returns `{ address, https }` (address '' when the socket has already closed).
 */
export function rewriteForwardingHeaders(req, trust) {
  const headers = req.headers;
  const peer = req.socket.remoteAddress;
  const peerTrusted = Boolean(peer) && trust(peer, 0);
  const address = peer ? proxyaddr(req, trust) : '';
  const https = Boolean(req.socket.encrypted) || (peerTrusted && first(headers['x-forwarded-proto']) === 'https');
  headers['x-forwarded-for'] = address;
  headers['x-forwarded-proto'] = https ? 'https' : 'http';
  delete headers['x-real-ip'];
  if (!peerTrusted) {
    delete headers['x-forwarded-host'];
    delete headers['x-forwarded-port'];
    delete headers.forwarded;
  }
  return { address, https };
}
