// The address a request comes from, for the per-address sign-in and reset limits. Behind a reverse proxy every
// request's peer is the proxy, so all clients would share one count (30 failed sign-ins anywhere would lock
// everyone out); X-Forwarded-For names the client, but anyone can send that header, so it is read only when the
// peer is a proxy the deployment named (TRUSTED_PROXIES), and only as far back as trusted proxies wrote it.
import { BlockList, isIP } from "node:net";

/** The proxies whose X-Forwarded-For is believed; built once at start-up from TRUSTED_PROXIES. */
export interface TrustedProxies {
  trusts(address: string): boolean;
}

/** `1.2.3.4` → `1.2.3.4`; `::ffff:1.2.3.4` (IPv4 on a dual-stack socket) → `1.2.3.4`; anything else unchanged. */
function plain(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped?.[1] ?? address.toLowerCase();
}

/** One comma-separated entry: an address or a CIDR range; null when it is neither. */
function parseEntry(
  entry: string,
): { address: string; prefix: number | null; family: "ipv4" | "ipv6" } | null {
  const [address = "", prefixText, extra] = entry.split("/");
  const version = isIP(address);
  if (version === 0 || extra !== undefined) return null;
  const family = version === 4 ? "ipv4" : "ipv6";
  if (prefixText === undefined) return { address, prefix: null, family };
  const prefix = Number(prefixText);
  const max = version === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(prefixText) && prefix <= max ? { address, prefix, family } : null;
}

/** The entry that is not an address or a range, to name it in the configuration error; null when all parse. */
export function invalidProxyEntry(list: string): string | null {
  for (const entry of splitList(list)) if (parseEntry(entry) === null) return entry;
  return null;
}

function splitList(list: string): string[] {
  return list
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}

/** TRUSTED_PROXIES as a matcher; entries must have passed invalidProxyEntry (env.ts checks them). */
export function trustedProxies(list: string): TrustedProxies {
  const blocks = new BlockList();
  for (const entry of splitList(list)) {
    const parsed = parseEntry(entry);
    if (!parsed) throw new Error(`not an address or CIDR range: ${entry}`);
    if (parsed.prefix === null) blocks.addAddress(parsed.address, parsed.family);
    else blocks.addSubnet(parsed.address, parsed.prefix, parsed.family);
  }
  return {
    trusts: (address) => {
      const version = isIP(address);
      return version !== 0 && blocks.check(address, version === 4 ? "ipv4" : "ipv6");
    },
  };
}

/** One X-Forwarded-For hop as an address: proxies may write `[v6]`, `[v6]:port` or `v4:port`. */
function hopAddress(hop: string): string | null {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hop);
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(hop);
  const address = bracketed?.[1] ?? v4WithPort?.[1] ?? hop;
  return isIP(address) === 0 ? null : plain(address);
}

/**
 * The client's address: the peer itself, unless the peer is a trusted proxy; then X-Forwarded-For is walked
 * from the right (each proxy appends the address it was reached from), past trusted proxies, to the first hop
 * that is not one. Hops left of that were written by the client and are never believed. A hop that is not an
 * address ends the walk at the last proxy seen, so garbage cannot become a fresh key for every request.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies | undefined,
): string {
  if (peer === undefined) return "unknown";
  let address = plain(peer);
  if (!trusted?.trusts(address) || forwardedFor === undefined) return address;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor).split(",");
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = hopAddress(hops[i]?.trim() ?? "");
    if (hop === null) return address;
    address = hop;
    if (!trusted.trusts(hop)) return hop;
  }
  return address;
}
