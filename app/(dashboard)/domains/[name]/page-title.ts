import type { Metadata } from "next";

// Issue 16: every page of a domain is titled with the page and the domain, e.g.
// "Policy · example.com · STS Rollout" (the root layout adds the product). The name is
// taken from the URL, as the address bar shows it: no database read before the page's
// own session check.
export const domainTitle =
  (page: string) =>
  async ({ params }: { params: Promise<{ name: string }> }): Promise<Metadata> => {
    let name = (await params).name;
    try {
      name = decodeURIComponent(name);
    } catch {
      // A malformed escape: the page answers 404; the title keeps the raw text.
    }
    return { title: `${page} · ${name}` };
  };
