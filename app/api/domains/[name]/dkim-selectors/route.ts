import { NextResponse } from "next/server";
import { z } from "zod";
import { parseDkimSelectors, setDkimSelectors } from "@/lib/db/checks/dkim-selectors";
import { getDb } from "@/lib/db/client";
import { fail, failed } from "@/lib/http/errors";
import { withDomain } from "@/lib/http/with-domain";

// PUT {"selectors": "s1, google"}: the DKIM selectors the checker looks up (CHK-AUTH-3),
// as an admin typed them (commas, spaces or new lines between them).
const Body = z.object({ selectors: z.string().max(5000) });

export const PUT = withDomain("admin", async (req, user, domain) => {
  const body = Body.safeParse(await req.json().catch(() => null));
  if (!body.success)
    return fail("invalid", 'Send JSON like {"selectors": "s1, google"}.', { key: "selectorsBody" });
  const parsed = parseDkimSelectors(body.data.selectors);
  if (!parsed.ok) return failed(parsed.error);
  const saved = await setDkimSelectors(await getDb(), domain.id, parsed.value, {
    userId: user.id,
    email: user.email,
  });
  if (!saved.ok) return failed(saved.error);
  return NextResponse.json({ selectors: saved.value });
});
