import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { findDomainByName } from "@/lib/db/domains/domains";

/** The domain named in the URL, looked up once per request however many of the layout and
 * page components ask (each still checks the session itself). */
export const loadDomain = cache(async (encodedName: string) =>
  findDomainByName(await getDb(), decodeURIComponent(encodedName)),
);
