// The one fetch() for our own API from the browser (issue 13 §2): JSON in, JSON out, and
// any answer that is not 2xx becomes an ApiError carrying the route's own message
// ({"error": "…"}, or the plain-text line of a public endpoint's 429/503).

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Mutating methods always send a JSON body ({} when there is nothing to say): withUser
 * refuses any other (lib/http/same-origin.ts). */
export async function apiFetch<T>(method: Method, url: string, body?: unknown): Promise<T> {
  const res = await fetch(
    url,
    method === "GET"
      ? { method }
      : {
          method,
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(body ?? {}),
        },
  );
  const text = await res.text().catch(() => "");
  const json = parseJson(text);
  if (!res.ok) throw new ApiError(messageOf(json, text, res.status), res.status);
  return json as T;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function messageOf(json: unknown, text: string, status: number): string {
  if (json && typeof json === "object" && "error" in json && typeof json.error === "string")
    return json.error;
  const line = text.trim();
  if (line && line.length <= 300 && json === undefined && !line.startsWith("<")) return line;
  return `The server answered ${status}.`;
}

/** A path segment from a name or id, encoded once. */
export const seg = (s: string): string => encodeURIComponent(s);
