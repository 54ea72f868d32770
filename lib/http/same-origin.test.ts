import { describe, expect, it } from "vitest";
import { crossSiteRefusal, mutationRefusal } from "./same-origin";

// Issue 11 §9: mutating requests to the signed-in API need a same-site Origin (or
// Sec-Fetch-Site: same-origin) and a JSON body; the upload takes any body.

const HOST = "sts.example.net";

function req(method: string, headers: Record<string, string>): Request {
  return new Request(`http://${HOST}/api/domains`, { method, headers });
}

const json = { "content-type": "application/json" };

describe("crossSiteRefusal", () => {
  it("accepts an Origin naming the Host, any case, and X-Forwarded-Host behind a proxy", () => {
    expect(crossSiteRefusal(new Headers({ host: HOST, origin: `https://${HOST}` }))).toBeNull();
    expect(
      crossSiteRefusal(new Headers({ host: HOST, origin: "https://STS.Example.Net" })),
    ).toBeNull();
    expect(
      crossSiteRefusal(
        new Headers({
          host: "127.0.0.1:3000",
          "x-forwarded-host": HOST,
          origin: `https://${HOST}`,
        }),
      ),
    ).toBeNull();
    expect(
      crossSiteRefusal(new Headers({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" })),
    ).toBeNull();
  });

  it("refuses another site's Origin, another port, the opaque origin and garbage", () => {
    const other = crossSiteRefusal(new Headers({ host: HOST, origin: "https://evil.example" }));
    expect(other).toEqual({
      status: 403,
      error: "Refused: this request came from another site (Origin https://evil.example).",
      ref: { key: "crossSiteOrigin", params: { origin: "https://evil.example" } },
    });
    expect(
      crossSiteRefusal(new Headers({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3001" }))
        ?.status,
    ).toBe(403);
    expect(crossSiteRefusal(new Headers({ host: HOST, origin: "null" }))?.status).toBe(403);
    expect(crossSiteRefusal(new Headers({ host: HOST, origin: "not a url" }))?.status).toBe(403);
    // A look-alike suffix is not the same host.
    expect(
      crossSiteRefusal(new Headers({ host: HOST, origin: `https://${HOST}.evil.example` }))?.status,
    ).toBe(403);
  });

  it("without Origin, takes only Sec-Fetch-Site: same-origin", () => {
    expect(
      crossSiteRefusal(new Headers({ host: HOST, "sec-fetch-site": "same-origin" })),
    ).toBeNull();
    for (const site of ["same-site", "cross-site", "none"]) {
      expect(crossSiteRefusal(new Headers({ host: HOST, "sec-fetch-site": site }))?.status).toBe(
        403,
      );
    }
    expect(crossSiteRefusal(new Headers({ host: HOST }))).toEqual({
      status: 403,
      error:
        "Refused: a request that changes data must come from this site " +
        "(send an Origin header naming this host, as browsers do).",
      ref: { key: "crossSiteNoOrigin" },
    });
  });

  it("a matching Sec-Fetch-Site does not rescue a foreign Origin", () => {
    const h = new Headers({
      host: HOST,
      origin: "https://evil.example",
      "sec-fetch-site": "same-origin",
    });
    expect(crossSiteRefusal(h)?.status).toBe(403);
  });
});

describe("mutationRefusal", () => {
  const origin = { host: HOST, origin: `https://${HOST}` };

  it("lets GET and HEAD through untouched, even cross-site", () => {
    expect(mutationRefusal(req("GET", { host: HOST, origin: "https://evil.example" }))).toBeNull();
    expect(mutationRefusal(req("HEAD", { host: HOST }))).toBeNull();
  });

  it("checks every mutating method", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(mutationRefusal(req(method, { host: HOST, ...json }))?.status, method).toBe(403);
      expect(mutationRefusal(req(method, { ...origin, ...json })), method).toBeNull();
    }
  });

  it("needs application/json (parameters allowed) for JSON handlers", () => {
    expect(
      mutationRefusal(
        req("POST", { ...origin, "content-type": "application/json; charset=utf-8" }),
      ),
    ).toBeNull();
    expect(mutationRefusal(req("POST", { ...origin, "content-type": "text/plain" }))).toEqual({
      status: 415,
      error:
        "Send the request body as JSON (Content-Type: application/json); this request sent text/plain.",
      ref: { key: "bodyNotJson", params: { sent: "text/plain" } },
    });
    expect(
      mutationRefusal(
        req("POST", { ...origin, "content-type": "application/x-www-form-urlencoded" }),
      )?.status,
    ).toBe(415);
    expect(mutationRefusal(req("DELETE", origin))).toEqual({
      status: 415,
      error:
        "Send the request body as JSON (Content-Type: application/json); this request sent no Content-Type.",
      ref: { key: "bodyNoContentType" },
    });
  });

  it("the upload takes any content type, but only from this site", () => {
    expect(
      mutationRefusal(req("POST", { ...origin, "content-type": "application/gzip" }), "file"),
    ).toBeNull();
    expect(
      mutationRefusal(
        req("POST", { ...origin, "content-type": "multipart/form-data; boundary=x" }),
        "file",
      ),
    ).toBeNull();
    expect(
      mutationRefusal(
        req("POST", {
          host: HOST,
          origin: "https://evil.example",
          "content-type": "message/rfc822",
        }),
        "file",
      )?.status,
    ).toBe(403);
  });

  it("checks the origin before the content type", () => {
    expect(
      mutationRefusal(
        req("POST", { host: HOST, origin: "https://evil.example", "content-type": "text/plain" }),
      )?.status,
    ).toBe(403);
  });
});
