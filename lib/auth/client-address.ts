// The client address for sign-in throttling and the audit log, from the request headers
// next-auth hands to authorize(). `next start` sets X-Forwarded-For to the socket address
// only when the request has none, so the right-most entry is the address of whoever
// connected, or what the nearest proxy appended. Without a proxy a client can put any
// value there, which is why the per-account throttle never depends on it.
// TODO(coordinator): unify with the trusted-proxy-aware extraction in lib/http.

type HeaderBag = Record<string, unknown> | Headers | undefined;

export function clientAddressFromHeaders(headers: HeaderBag): string {
  const raw = header(headers, "x-forwarded-for") ?? header(headers, "x-real-ip") ?? "";
  const last = raw.split(",").at(-1)?.trim() ?? "";
  return /^[0-9A-Za-z.:[\]%_-]{1,64}$/.test(last) ? last : "unknown";
}

function header(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const v = headers[name];
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === "string").join(",");
  return undefined;
}
