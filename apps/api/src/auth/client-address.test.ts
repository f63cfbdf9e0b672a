import { describe, expect, it } from "vitest";
import { clientAddress, invalidProxyEntry, trustedProxies } from "./client-address.ts";

const proxies = trustedProxies("10.0.0.0/8, 192.168.1.5, fd00::/8");

describe("the client's address", () => {
  it("is the peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.9", "198.51.100.1", undefined)).toBe("203.0.113.9");
    expect(clientAddress("10.0.0.2", "198.51.100.1", undefined)).toBe("10.0.0.2");
  });

  it("is the peer when the peer is not a trusted proxy: a client cannot pick its own address", () => {
    expect(clientAddress("203.0.113.9", "198.51.100.1", proxies)).toBe("203.0.113.9");
    expect(clientAddress("::ffff:203.0.113.9", "10.0.0.1", proxies)).toBe("203.0.113.9");
  });

  it("behind a trusted proxy is the right-most hop that is not a trusted proxy", () => {
    expect(clientAddress("10.0.0.2", "198.51.100.1", proxies)).toBe("198.51.100.1");
    // The client sent "1.1.1.1" itself; the proxies appended what they saw.
    expect(clientAddress("10.0.0.2", "1.1.1.1, 198.51.100.1, 192.168.1.5", proxies)).toBe("198.51.100.1");
    expect(clientAddress("::ffff:10.0.0.2", ["1.1.1.1", "198.51.100.1"], proxies)).toBe("198.51.100.1");
    expect(clientAddress("fd00::1", "[2001:db8::7]:51000, fd00::2", proxies)).toBe("2001:db8::7");
    expect(clientAddress("10.0.0.2", "198.51.100.1:4711", proxies)).toBe("198.51.100.1");
  });

  it("stops at the last proxy when a hop is not an address, so garbage is never a fresh key", () => {
    expect(clientAddress("10.0.0.2", "not-an-ip", proxies)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "198.51.100.1, junk, 10.0.0.3", proxies)).toBe("10.0.0.3");
  });

  it("is the left-most hop when every hop is a trusted proxy, and the peer without the header", () => {
    expect(clientAddress("10.0.0.2", "10.1.1.1, 10.2.2.2", proxies)).toBe("10.1.1.1");
    expect(clientAddress("10.0.0.2", undefined, proxies)).toBe("10.0.0.2");
    expect(clientAddress(undefined, "198.51.100.1", proxies)).toBe("unknown");
  });
});

describe("TRUSTED_PROXIES", () => {
  it("takes addresses and CIDR ranges of both families", () => {
    expect(invalidProxyEntry("127.0.0.1, ::1, 10.0.0.0/8,172.16.0.0/12, fd00::/8")).toBeNull();
    expect(trustedProxies("172.16.0.0/12").trusts("172.31.255.255")).toBe(true);
    expect(trustedProxies("172.16.0.0/12").trusts("172.32.0.1")).toBe(false);
  });

  it.each(["localhost", "10.0.0.0/33", "10.0.0.0/8/1", "1.2.3", "fd00::/129", "10.0.0.0/x"])(
    "names the entry that is neither an address nor a range (%s)",
    (entry) => {
      expect(invalidProxyEntry(`127.0.0.1, ${entry}`)).toBe(entry);
    },
  );
});
