// Test helpers: a DKIM key pair whose public half the lab DNS publishes, and signing with it
// (mailauth's signer), so tests verify real signatures through a real DNS server.
import { generateKeyPairSync } from "node:crypto";
import { dkimSign } from "mailauth/lib/dkim/sign";
import type { ZoneRecord } from "@/e2e/servers/dns-server";

export interface TestDkimKey {
  domain: string;
  selector: string;
  privateKey: string;
  /** The key record for the lab DNS (split into 255-byte character-strings). */
  record: ZoneRecord;
}

/** `tags` go into the key record before p=, e.g. "s=email;". */
export function testDkimKey(domain: string, selector = "lab", tags = ""): TestDkimKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const p = publicKey.export({ type: "spki", format: "der" }).toString("base64");
  const value = `v=DKIM1; k=rsa; ${tags ? `${tags} ` : ""}p=${p}`;
  const strings: string[] = [];
  for (let i = 0; i < value.length; i += 255) strings.push(value.slice(i, i + 255));
  return {
    domain,
    selector,
    privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    record: { name: `${selector}._domainkey.${domain}`, type: "TXT", strings },
  };
}

/** The message with a DKIM-Signature header from `key` prepended. */
export async function signMessage(message: Buffer, key: TestDkimKey): Promise<Buffer> {
  // mailauth signs only what signatureData lists (the top-level fields are its defaults).
  const r = await dkimSign(message, {
    signingDomain: key.domain,
    selector: key.selector,
    privateKey: key.privateKey,
    canonicalization: "relaxed/relaxed",
    signatureData: [
      { signingDomain: key.domain, selector: key.selector, privateKey: key.privateKey },
    ],
  });
  if (r.errors.length > 0 || !r.signatures) {
    throw new Error(`signing failed: ${JSON.stringify(r.errors)}`);
  }
  return Buffer.concat([Buffer.from(r.signatures), message]);
}
