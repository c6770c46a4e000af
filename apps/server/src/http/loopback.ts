/** 127.0.0.0/8, ::1 and IPv4-mapped 127.x (`::ffff:127.0.0.1`); `localhost` as a host name to listen on. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false
  const host = address.toLowerCase().replace(/^\[(.*)\]$/, '$1')
  if (host === 'localhost' || host === '::1' || host === '0:0:0:0:0:0:0:1') return true
  const ipv4 = host.startsWith('::ffff:') ? host.slice('::ffff:'.length) : host
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ipv4)
}
