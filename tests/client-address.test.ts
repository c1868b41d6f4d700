import { describe, expect, it } from "vitest";
import { clientAddress, parseAddress } from "@/lib/server/client-address";

// Who is calling, for rate limits and the audit log: the socket's peer unless a declared proxy vouches for more.

const NONE: string[] = [];
const LOCAL = ["127.0.0.1"];
const CHAIN = ["10.0.0.0/8", "fd00::/8"];

describe("clientAddress", () => {
  it.each([
    // [what, peer, X-Forwarded-For, trusted proxies, decided address]
    ["no proxy declared: the peer, whatever the client wrote", "203.0.113.9", "10.7.7.7", NONE, "203.0.113.9"],
    ["a forged loopback is ignored without trusted proxies", "203.0.113.9", "127.0.0.1", NONE, "203.0.113.9"],
    ["a formula in XFF is ignored", "203.0.113.9", "=1+2", NONE, "203.0.113.9"],
    ["an IPv4-mapped peer is its IPv4 address", "::ffff:127.0.0.1", null, NONE, "127.0.0.1"],
    ["the mapped form in hex too", "::ffff:7f00:1", null, NONE, "127.0.0.1"],
    ["an IPv6 peer, lower-cased", "2001:DB8::1", null, NONE, "2001:db8::1"],
    ["a peer that is not from a trusted proxy keeps its address even with XFF", "198.51.100.2", "192.0.2.1", LOCAL, "198.51.100.2"],
    ["a trusted proxy's client hop is used", "127.0.0.1", "192.0.2.1", LOCAL, "192.0.2.1"],
    ["a mapped trusted peer is still trusted", "::ffff:127.0.0.1", "192.0.2.1", LOCAL, "192.0.2.1"],
    ["only the hop the proxy appended: what the client prepended is ignored", "127.0.0.1", "10.7.7.7, 192.0.2.1", LOCAL, "192.0.2.1"],
    ["trusted hops are skipped from the right", "10.0.0.5", "198.51.100.7, 10.1.1.1, 10.2.2.2", CHAIN, "198.51.100.7"],
    ["an IPv6 proxy block", "fd00::5", "2001:db8::9", CHAIN, "2001:db8::9"],
    ["a mapped client hop behind a proxy", "127.0.0.1", "::ffff:192.0.2.1", LOCAL, "192.0.2.1"],
    ["a hop with a port", "127.0.0.1", "192.0.2.1:5555", LOCAL, "192.0.2.1"],
    ["a bracketed IPv6 hop with a port", "127.0.0.1", "[2001:db8::2]:443", LOCAL, "2001:db8::2"],
    ["a garbage hop is not an address: the last trusted proxy is", "127.0.0.1", "=1+2", LOCAL, "127.0.0.1"],
    ["garbage behind a trusted chain stops at the last trusted hop", "10.0.0.5", "192.0.2.1, <script>, 10.2.2.2", CHAIN, "10.2.2.2"],
    ["a trusted proxy without XFF is itself the caller", "127.0.0.1", null, LOCAL, "127.0.0.1"],
    ["empty hops are skipped", "127.0.0.1", "192.0.2.1, , ", LOCAL, "192.0.2.1"],
    ["every hop trusted: the left-most proxy", "10.0.0.5", "10.3.3.3, 10.2.2.2", CHAIN, "10.3.3.3"],
    ["a proxy-looking XFF hop sent by an untrusted peer changes nothing", "192.0.2.50", "10.2.2.2", CHAIN, "192.0.2.50"],
    ["no peer (not behind server.mjs): unknown, never the client's XFF", null, "192.0.2.1", NONE, null],
    ["a garbage peer header: unknown", "not-an-ip", "192.0.2.1", LOCAL, null],
    ["an out-of-range octet is not an address", "127.0.0.1", "300.1.1.1", LOCAL, "127.0.0.1"],
    ["leading zeros are not an address", "127.0.0.1", "010.1.1.1", LOCAL, "127.0.0.1"],
    ["a zone id is not a client address", "127.0.0.1", "fe80::1%eth0", LOCAL, "127.0.0.1"],
  ] as const)("%s", (_what, peer, forwardedFor, trustedProxies, expected) => {
    expect(clientAddress({ peer, forwardedFor, trustedProxies })).toBe(expected);
  });

  it("ignores a malformed trusted entry instead of trusting everyone", () => {
    expect(clientAddress({ peer: "127.0.0.1", forwardedFor: "192.0.2.1", trustedProxies: ["127.0.0.1/99", "junk"] })).toBe("127.0.0.1");
    expect(clientAddress({ peer: "127.0.0.1", forwardedFor: "192.0.2.1", trustedProxies: ["0.0.0.0/0"] })).toBe("192.0.2.1");
  });
});

describe("parseAddress", () => {
  it.each([
    ["1.2.3.4", "1.2.3.4"],
    [" 1.2.3.4 ", "1.2.3.4"],
    ["0:0:0:0:0:ffff:1.2.3.4", "1.2.3.4"],
    ["::1", "::1"],
    ["", null],
    ["unknown", null],
    ["1.2.3", null],
    ["1.2.3.4.5", null],
    ["::ffff:999.1.1.1", null],
    ["=cmd|'/c calc'!A1", null],
    [null, null],
  ] as const)("%j → %j", (raw, expected) => {
    expect(parseAddress(raw)).toBe(expected);
  });
});
