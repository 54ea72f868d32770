export { startTestWorld, certFor } from "./world";
export type { CertKind, DomainSpec, MxSpec, PolicySpec, TestWorld, WorldOptions } from "./world";
export { startDnsServer, type DnsServerHandle, type ZoneRecord } from "./dns-server";
export { startSmtpServer, type SmtpBehaviour } from "./smtp-server";
export { startPolicyServer, type PolicyBehaviour } from "./policy-server";
export { createTestCa, type CertSpec, type KeyAndCert, type TestCa } from "./test-ca";
