import { NextIntlClientProvider } from "next-intl";
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RequestIdProvider } from "@/components/errors/request-id";
import { MESSAGES } from "@/lib/i18n/messages";
import { GlobalErrorView } from "@/components/errors/global-error-view";
import ErrorPage from "./error";
import GlobalError from "./global-error";

// Issue 13.4: a page that fails shows a generic message and the reference to quote: the
// request id proxy.ts gave the request (the root layout provides it) and Next's digest,
// both of which onRequestError logs with the error. The error's own message never shows.
const ID = "7c1f6a52-0d8e-4d0c-9a51-3f7f1e0b2a44";

function render(requestId: string | null, digest?: string): string {
  const error = Object.assign(new Error("SQLITE_BUSY: database is locked"), { digest });
  const page = createElement(ErrorPage, { error, reset: () => {} });
  // The root layout provides the messages (next-intl) and the request id.
  const withId = createElement(RequestIdProvider, { requestId }, page);
  const intl = { locale: "en", messages: MESSAGES.en, timeZone: "UTC" };
  return renderToStaticMarkup(
    // children come as the third argument; the props type asks for them too
    createElement(
      NextIntlClientProvider,
      intl as ComponentProps<typeof NextIntlClientProvider>,
      withId,
    ),
  );
}

const text = (html: string) => html.replace(/<[^>]+>/g, "");

describe("app/error.tsx", () => {
  it("shows the request id and the digest, not the error's message", () => {
    const page = text(render(ID, "2913874650"));
    expect(page).toContain("Something went wrong");
    expect(page).toContain(`Request id ${ID} · error 2913874650`);
    expect(page).not.toContain("SQLITE_BUSY");
  });

  it("without a digest (a client-side failure) still shows the request id", () => {
    expect(text(render(ID))).toContain(`Request id ${ID}Try again`);
  });
});

describe("app/global-error.tsx", () => {
  it("shows the digest when the root layout itself failed", () => {
    const error = Object.assign(new Error("boom"), { digest: "55" });
    const page = text(renderToStaticMarkup(createElement(GlobalError, { error })));
    expect(page).toContain("error 55");
    expect(page).not.toContain("boom");
  });

  it("renders English where the browser's language is unknown (the server's render)", () => {
    const error = Object.assign(new Error("boom"), { digest: "55" });
    const html = renderToStaticMarkup(createElement(GlobalError, { error }));
    expect(html).toContain('<html lang="en">');
    expect(text(html)).toBe(
      "Something went wrong" +
        "STS Rollout could not show this page. Reload it; if it keeps failing, give the reference below to whoever runs this installation." +
        "error 55",
    );
  });

  it("in German for a German browser (issue 16 §6)", () => {
    const html = renderToStaticMarkup(
      createElement(GlobalErrorView, { locale: "de", digest: "55" }),
    );
    expect(html).toContain('<html lang="de">');
    expect(text(html)).toBe(
      "Etwas ist schiefgegangen" +
        "STS Rollout konnte diese Seite nicht anzeigen. Laden Sie sie neu; wenn es weiter fehlschlägt, geben Sie die Referenz unten an den Betreiber dieser Installation weiter." +
        "Fehler 55",
    );
  });
});
