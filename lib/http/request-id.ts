// Every page request gets an id (proxy.ts): on the request, so the root layout can show it
// and instrumentation.ts's onRequestError can log it with the error, and on the response,
// so a person who reports a failure can quote it and an operator find the log line.
export const REQUEST_ID_HEADER = "x-request-id";

export function newRequestId(): string {
  return crypto.randomUUID();
}
