/**
 * The browser shell listens on loopback only, and also refuses requests whose Host or Origin is
 * not loopback on its own port: a web page elsewhere cannot reach the view socket through DNS
 * rebinding or a cross-origin WebSocket.
 */
const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLoopbackHostname(hostname: string): boolean {
  return LOOPBACK_HOSTNAMES.has(hostname.toLowerCase());
}

/** The `Host` header names a loopback host on our port. */
export function isOwnLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  try {
    const url = new URL(`http://${hostHeader}`);
    return isLoopbackHostname(url.hostname) && Number(url.port || 80) === port;
  } catch {
    return false;
  }
}

/**
 * The `Origin` header, when a browser sent one, is our own loopback http origin. A missing Origin
 * means a non-browser client on this machine (tests, tools), which loopback binding already limits.
 */
export function isOwnLoopbackOrigin(originHeader: string | undefined, port: number): boolean {
  if (originHeader === undefined) return true;
  try {
    const url = new URL(originHeader);
    return url.protocol === 'http:' && isLoopbackHostname(url.hostname) && Number(url.port || 80) === port;
  } catch {
    return false;
  }
}
