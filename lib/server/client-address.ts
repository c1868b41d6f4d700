import "server-only";
import { BlockList, isIPv4, isIPv6 } from "node:net";

// The one answer to "who is calling", for rate limits and the audit log. X-Forwarded-For is whatever
// the client wrote unless a proxy the operator declared (TRUSTED_PROXIES) put it there, so it is read
// only through such proxies, from the right, and only as far as they vouch for it.

/** The TCP peer's address, set by server.mjs on every request (any copy a client sent is replaced). */
export const PEER_HEADER = "x-console-peer";

/** An address as written in a header, in one canonical form; null when it is not an address. */
export function parseAddress(raw: string | null | undefined): string | null {
  let value = (raw ?? "").trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (isIPv4(value)) return value;
  if (!isIPv6(value) || value.includes("%")) return null;
  const lower = value.toLowerCase();
  // An IPv4 client of a dual-stack socket: ::ffff:1.2.3.4 (or ::ffff:102:304) is 1.2.3.4.
  const dotted = /^(?:0{0,4}:){0,5}:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted && isIPv4(dotted[1]!)) return dotted[1]!;
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const [high, low] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
    return [high >> 8, high & 255, low >> 8, low & 255].join(".");
  }
  return lower;
}

const lists = new Map<string, BlockList>();

/** TRUSTED_PROXIES as a matcher; entries that are not an address or block are ignored (config.ts refuses them). */
function trustedList(entries: readonly string[]): BlockList {
  const key = entries.join(",");
  let list = lists.get(key);
  if (list) return list;
  list = new BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split("/");
    const ip = parseAddress(address);
    if (!ip) continue;
    const type = isIPv4(ip) ? "ipv4" : "ipv6";
    try {
      if (bits === undefined) list.addAddress(ip, type);
      else list.addSubnet(ip, Number(bits), type);
    } catch {
      // A prefix out of range: not a block.
    }
  }
  lists.set(key, list);
  return list;
}

const isTrusted = (list: BlockList, ip: string) => list.check(ip, isIPv4(ip) ? "ipv4" : "ipv6");

/**
 * The caller's address: the socket's peer, unless that peer is a trusted proxy; then the
 * X-Forwarded-For hops from the right, skipping trusted proxies, up to the first one that is not.
 * A hop that is not an address ends the walk at the last proxy that was trusted: what lies left
 * of it is the client's own writing. Null only when the peer itself is unknown.
 */
export function clientAddress({
  peer,
  forwardedFor,
  trustedProxies,
}: {
  peer: string | null | undefined;
  forwardedFor: string | null | undefined;
  trustedProxies: readonly string[];
}): string | null {
  let address = parseAddress(peer);
  if (!address || trustedProxies.length === 0) return address;
  const list = trustedList(trustedProxies);
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  while (isTrusted(list, address)) {
    const hop = hops.pop();
    if (hop === undefined) return address;
    const next = parseAddress(hop);
    if (!next) return address;
    address = next;
  }
  return address;
}
