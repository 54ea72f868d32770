// Seeds the accessibility spec's domain (e2e/48-accessibility.spec.ts) into the e2e database:
// something on every page, as a demo-like domain shows it. Two policy versions (a diff in
// the history), a check run with findings, 20 days of generated reports (charts, reporters,
// failures per MX), one quarantined reporter, and stored step 3/4 verifications with
// problems. Run with `npx tsx --conditions=react-server e2e/48-accessibility.seed.ts <name>`;
// prints the received report id the detail page is opened with. Idempotent.
import { getDb } from "@/lib/db/client";
import { finishCheckRun, startCheckRun } from "@/lib/db/checks/checks";
import { addDomain, findDomainByName } from "@/lib/db/domains/domains";
import { createPolicyVersion, currentPolicyVersion } from "@/lib/db/policies/policies";
import { saveVerification } from "@/lib/db/policies/verifications";
import { settleVerdicts } from "@/lib/db/readiness/verdict-queue";
import { backdatePolicyVersion } from "@/lib/db/stats/backdate-policy-version";
import { countDomainReports } from "@/lib/db/stats/count-domain-reports";
import { listUsers } from "@/lib/db/users/users";
import { demoPlan, generateDemoReports } from "@/lib/demo/generate";
import { ingestGenerated } from "@/lib/demo/load-demo";
import { reportJson, type GenReport } from "@/lib/demo/report-json";
import { ingestInOrder } from "@/lib/ingest/bulk";

const name = process.argv[2] ?? "a11y.example";
const mx = [`mx1.${name}`, `mx2.${name}`];
const day = (o: number) => new Date(Date.now() + o * 86_400_000).toISOString().slice(0, 10);

async function main(): Promise<void> {
  const db = await getDb();
  const admin = (await listUsers(db)).find((u) => u.role === "admin");
  if (!admin) throw new Error("no admin yet: run the first-run project first");
  const actor = { userId: admin.id, email: admin.email };
  let domain = await findDomainByName(db, name);
  if (!domain) {
    const added = await addDomain(db, { name, displayName: name }, actor);
    if (!added.ok) throw new Error(added.error);
    domain = added.value;
  }
  if (!(await currentPolicyVersion(db, domain.id))) {
    const first = new Date(Date.now() - 25 * 86_400_000);
    const p = await createPolicyVersion(
      db,
      domain.id,
      { mode: "testing", maxAge: 86400, mx },
      "create",
      actor,
      () => first,
    );
    if (!p.ok) throw new Error(p.error);
    await backdatePolicyVersion(db, p.value.seq, first);
    await createPolicyVersion(
      db,
      domain.id,
      { mode: "testing", maxAge: 604800, mx },
      "edit",
      actor,
    );
  }
  const current = await currentPolicyVersion(db, domain.id);
  if (!current) throw new Error("no policy");
  const now = new Date().toISOString();
  const finding = (id: string, severity: "ok" | "warning" | "error", target?: string) => ({
    id,
    severity,
    title: `${id} ${severity === "ok" ? "passes" : "needs attention"}`,
    evidence: severity === "ok" ? "" : "seen in the lab",
    fix: severity === "ok" ? "" : "Fix it as the text says.",
    ...(target ? { target } : {}),
  });
  const results = [
    finding("CHK-TXT-2", "ok"),
    finding("CHK-POL-1", "warning"),
    finding("CHK-RPT-1", "error"),
    ...mx.map((m) => finding("CHK-MX-1", "ok", m)),
  ];
  const run = await startCheckRun(db, domain.id, "e2e");
  await finishCheckRun(db, run, {
    domain: name,
    startedAt: now,
    finishedAt: now,
    durationMs: 1,
    mode: "testing",
    deadlineHit: false,
    results,
    summary: { error: 1, warning: 1, info: 0, ok: results.length - 2, untested: 0 },
  });
  const url = `https://mta-sts.${name}/.well-known/mta-sts.txt`;
  await saveVerification(db, domain.id, "publish", {
    at: now,
    policyId: current.policyId,
    url,
    address: "192.0.2.80",
    ok: false,
    sameBytes: false,
    servesOlderVersion: null,
    problems: ["The served body differs from the current version."],
    statusLine: "HTTP/1.1 200 OK",
    contentType: "text/plain",
    certificate: `CN=mta-sts.${name}, valid until 2027-01-01`,
    served: "version: STSv1\r\nmode: testing\r\n",
    diff: [
      { kind: "same", text: "version: STSv1" },
      { kind: "removed", text: "max_age: 604800" },
      { kind: "added", text: "max_age: 86400" },
    ],
  });
  const record = (n: string) => ({
    name: n,
    status: "missing" as const,
    expected: null,
    found: [],
    ttl: null,
    notes: ["Publish the record shown above."],
  });
  await saveVerification(db, domain.id, "dns", {
    at: now,
    policyId: current.policyId,
    sts: { ...record(`_mta-sts.${name}`), foundId: null },
    tlsRpt: record(`_smtp._tls.${name}`),
    mxHosts: mx,
  });
  if ((await countDomainReports(db, domain.id)) === 0) {
    const plan = { ...demoPlan(day(-1), 20), domain: name, mx };
    await ingestGenerated(db, generateDemoReports(plan));
    // One report from a reporter nobody accepted: the quarantine page lists it.
    const odd: GenReport = {
      organization: "Unvetted Sender",
      contactInfo: "tlsrpt@unvetted.example",
      reportId: `unvetted-${name}`,
      day: day(-2),
      policies: [{ policyType: "sts", policyDomain: name, successful: 40, failures: [] }],
    };
    await ingestInOrder(db, [
      {
        meta: { channel: "cli", source: "a11y seed", contentType: "application/tlsrpt+json" },
        load: () => new TextEncoder().encode(reportJson(odd)),
      },
    ]);
  }
  await settleVerdicts(db);
  const report = await db.report.findFirst({
    where: { policies: { some: { domainId: domain.id } } },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  console.log(`received ${report?.id ?? "none"}`);
  await db.$disconnect();
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
