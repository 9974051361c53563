// Who the client is behind reverse proxies. X-Forwarded-For is a list each proxy appends to, so
// only its right-most entries, those added by proxies we trust, are facts; what is left of them
// came from the client and may be forged. ECP_TRUST_PROXY says how many proxies are ours.

/** The entries of a comma-separated forwarding header, trimmed, empty ones dropped. */
function entries(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '')
}

/**
 * The client's address: with `hops` trusted proxies in front, the address the outermost of
 * them saw (the hops-th entry of X-Forwarded-For from the right, the socket's address counting
 * as the last hop). With fewer entries than hops, the left-most one.
 *
 * @example
 * clientAddress('203.0.113.9, 198.51.100.7', '10.0.0.2', 1) // '198.51.100.7'
 */
export function clientAddress(forwardedFor: string | undefined, socket: string | undefined, hops: number): string {
  const fallback = socket ?? 'unknown'
  if (hops <= 0) return fallback
  const chain = [...entries(forwardedFor), fallback]
  return chain[chain.length - 1 - hops] ?? chain[0] ?? fallback
}

/**
 * A forwarded value that proxies set or append (X-Forwarded-Proto, X-Forwarded-Host): the one
 * our outermost trusted proxy wrote; undefined when proxies are not trusted or sent none.
 */
export function trustedForwarded(header: string | undefined, hops: number): string | undefined {
  if (hops <= 0) return undefined
  const values = entries(header)
  return values[values.length - hops] ?? values[0]
}
