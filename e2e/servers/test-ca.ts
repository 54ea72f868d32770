// A throwaway certificate authority for loopback tests (node-forge; keys from node:crypto).
import { generateKeyPairSync, randomBytes } from "node:crypto";
import forge from "node-forge";

export interface CertSpec {
  /** Subject CN; default: the first SAN, or "test". */
  cn?: string;
  /** DNS subjectAltNames; [] issues a CN-only certificate. */
  sans: string[];
  /** Days from now until notAfter; negative = already expired. Default 90. */
  daysValid?: number;
  /** Sign with its own key instead of the test CA. */
  selfSigned?: boolean;
}

export interface KeyAndCert {
  key: string;
  cert: string;
}

export interface TestCa {
  caPem: string;
  issue(spec: CertSpec): KeyAndCert;
}

function rsaKey(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    privatePem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

const day = 86_400_000;

export function createTestCa(name = "STS Rollout Test CA"): TestCa {
  const caKeys = rsaKey();
  const caPrivate = forge.pki.privateKeyFromPem(caKeys.privatePem);
  const caCert = forge.pki.createCertificate();
  caCert.publicKey = forge.pki.publicKeyFromPem(caKeys.publicPem);
  caCert.serialNumber = `01${randomBytes(8).toString("hex")}`;
  caCert.validity.notBefore = new Date(Date.now() - day);
  caCert.validity.notAfter = new Date(Date.now() + 3650 * day);
  const caSubject = [{ name: "commonName", value: name }];
  caCert.setSubject(caSubject);
  caCert.setIssuer(caSubject);
  caCert.setExtensions([
    { name: "basicConstraints", cA: true, critical: true },
    { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
  ]);
  caCert.sign(caPrivate, forge.md.sha256.create());
  // One leaf key for every certificate keeps start-up fast; tests never compare keys.
  const leafKeys = rsaKey();

  return {
    caPem: forge.pki.certificateToPem(caCert),
    issue(spec) {
      const cert = forge.pki.createCertificate();
      cert.publicKey = forge.pki.publicKeyFromPem(leafKeys.publicPem);
      cert.serialNumber = `02${randomBytes(8).toString("hex")}`;
      const days = spec.daysValid ?? 90;
      cert.validity.notBefore = new Date(Date.now() - (days < 0 ? 400 : 1) * day);
      cert.validity.notAfter = new Date(Date.now() + days * day);
      const subject = [{ name: "commonName", value: spec.cn ?? spec.sans[0] ?? "test" }];
      cert.setSubject(subject);
      cert.setIssuer(spec.selfSigned ? subject : caSubject);
      const extensions: object[] = [
        { name: "basicConstraints", cA: false },
        { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
        { name: "extKeyUsage", serverAuth: true },
      ];
      if (spec.sans.length > 0) {
        extensions.push({
          name: "subjectAltName",
          altNames: spec.sans.map((value) => ({ type: 2, value })),
        });
      }
      cert.setExtensions(extensions);
      const signer = spec.selfSigned ? forge.pki.privateKeyFromPem(leafKeys.privatePem) : caPrivate;
      cert.sign(signer, forge.md.sha256.create());
      return { key: leafKeys.privatePem, cert: forge.pki.certificateToPem(cert) };
    },
  };
}
