import { settings } from "@/lib/config/settings";
import { clientAddress } from "@/lib/http/client-address";
import { PEER_HEADER, stampedPeer } from "@/lib/http/peer-address";
import { trustOf } from "@/lib/http/public-limits";

// The client address for sign-in throttling and the audit log, worked out exactly as the
// public endpoints do (lib/http/client-address.ts): the socket peer, or with
// STS_TRUST_PROXY the right-most X-Forwarded-For entry that is not a trusted proxy.
// next-auth hands authorize() a plain header record; server actions get a Headers object.

type HeaderBag = Record<string, unknown> | Headers | undefined;

export function clientAddressFromHeaders(headers: HeaderBag): string {
  return clientAddress(
    stampedPeer(header(headers, PEER_HEADER)),
    header(headers, "x-forwarded-for") ?? null,
    trustOf(settings()),
  );
}

function header(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const v = headers[name];
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === "string").join(",");
  return undefined;
}
