import { setMaxListeners } from "node:events";
import { createDnsClient } from "../dns/resolver";
import { normalizeHost } from "../mta-sts/mx-pattern";
import { createLimiter, EventQueue, sleep, whenAborted } from "./async-tools";
import { checkAuth } from "./check-auth";
import { checkCoverage } from "./check-coverage";
import { checkMxHost } from "./check-mx-host";
import { checkMxRecords, type MxFacts } from "./check-mx-records";
import type { PolicyFacts } from "./check-policy-content";
import { checkPolicyHost } from "./check-policy-host";
import { checkStsTxt, type StsTxtFacts } from "./check-sts-txt";
import { checkTlsRpt } from "./check-tlsrpt";
import type { ProbeContext } from "./context";
import { buildFacts } from "./facts";
import { buildReport } from "./report";
import { result, untested } from "./result";
import { ct } from "./text";
import type { CheckEvent, CheckOptions, CheckResult, SeenCert } from "./types";

/** Time the probes get after the deadline to turn their aborts into "untested" results. */
const GRACE_MS = 150;

interface Pending {
  emitted: Set<string>;
  fallback: CheckResult[];
}

/**
 * Runs every check for `domain`, yielding events as each probe finishes: probe-started,
 * result (one per CheckResult), probe-finished (with progress), then one final done with the
 * whole report. Probes run concurrently (host connections limited by maxConcurrent); the
 * overall deadline holds even when every host blackholes.
 */
export async function* runCheck(
  domainInput: string,
  options: CheckOptions = {},
): AsyncGenerator<CheckEvent, void, undefined> {
  const now = options.now ?? Date.now;
  const startedAt = now();
  const queue = new EventQueue<CheckEvent>();
  const results: CheckResult[] = [];
  const deadlineMs = options.deadlineMs ?? 20_000;
  const deadline = new AbortController();
  let deadlineHit = false;
  const timer = setTimeout(() => {
    deadlineHit = true;
    deadline.abort();
  }, deadlineMs);
  const signal = options.signal
    ? AbortSignal.any([deadline.signal, options.signal])
    : deadline.signal;
  // Every in-flight socket and DNS query listens for the abort: more than Node's default 10.
  setMaxListeners(0, signal, deadline.signal);
  const pending = new Map<string, Pending>();
  const progress = { finished: 0, total: 0 };
  let closed = false;
  let mode: PolicyFacts["mode"] = null;
  // What the probes found, for CheckReport.facts (null: the probe did not finish).
  const seen: { txt: StsTxtFacts | null; mx: MxFacts | null; policy: PolicyFacts | null } = {
    txt: null,
    mx: null,
    policy: null,
  };
  const certs: SeenCert[] = [];

  const domain = normalizeHost(domainInput.trim());
  if (domain === null) {
    clearTimeout(timer);
    const bad = result(
      "CHK-DNS-1",
      "error",
      ct("run.invalidDomain"),
      `"${domainInput}"`,
      ct("run.invalidDomainFix"),
    );
    yield { type: "result", probe: "input", result: bad };
    yield { type: "done", report: buildReport(domainInput, startedAt, now(), null, false, [bad]) };
    return;
  }

  const base: Omit<ProbeContext, "emit"> = {
    domain,
    dns:
      options.dns ??
      createDnsClient({
        servers: options.dnsServers,
        timeoutMs: Math.min(5000, deadlineMs),
        signal,
      }),
    allowPrivate: options.allowPrivate ?? false,
    ca: options.ca,
    stepTimeoutMs: options.stepTimeoutMs ?? 10_000,
    policyTimeoutMs: options.policyTimeoutMs ?? 10_000,
    policySlowMs: options.policySlowMs ?? 4_000,
    smtpPort: options.smtpPort ?? 25,
    httpsPort: options.httpsPort ?? 443,
    ehloName: options.ehloName ?? "sts-rollout-checker.invalid",
    dkimSelectors: options.dkimSelectors ?? [],
    testHttpsRua: options.testHttpsRua ?? false,
    ownRua: options.ownRua ?? [],
    now,
    signal,
    limit: createLimiter(options.maxConcurrent ?? 5),
    noteCert: (cert) => {
      if (!closed) certs.push(cert);
    },
  };

  function probe<T>(
    name: string,
    target: string | undefined,
    fallback: CheckResult[],
    fn: (ctx: ProbeContext) => Promise<T>,
  ): Promise<T | undefined> {
    const state: Pending = { emitted: new Set(), fallback };
    const started = Date.now();
    pending.set(name, state);
    progress.total += 1;
    queue.push(
      target
        ? { type: "probe-started", probe: name, target, at: started }
        : { type: "probe-started", probe: name, at: started },
    );
    const emit = (r: CheckResult) => {
      if (closed) return;
      state.emitted.add(r.id);
      results.push(r);
      queue.push({ type: "result", probe: name, result: r });
    };
    return fn({ ...base, emit })
      .catch((e: unknown) => {
        // An unexpected failure in our own code: say so, never pass.
        emit(
          untested(
            fallback[0]?.id ?? "CHK-DNS-1",
            ct("run.crashed"),
            e instanceof Error ? e.message : String(e),
            target,
          ),
        );
        return undefined;
      })
      .finally(() => finishProbe(name, started));
  }

  function finishProbe(name: string, started: number): void {
    if (closed || !pending.delete(name)) return;
    progress.finished += 1;
    queue.push({
      type: "probe-finished",
      probe: name,
      ms: Date.now() - started,
      progress: { ...progress },
    });
  }

  const deadlineUntested = (id: string, target?: string) =>
    untested(id, ct("mx.deadline"), ct("run.deadlineEvidence", { ms: String(deadlineMs) }), target);

  const main = (async () => {
    const txt = probe("mta-sts-txt", undefined, [deadlineUntested("CHK-TXT-1")], checkStsTxt);
    const txtFacts = txt.then((t) => {
      seen.txt = t ?? null;
      return t ?? { deployed: false, id: null };
    });
    const policy = probe(
      "policy",
      `mta-sts.${domain}`,
      [deadlineUntested("CHK-HOST-2", `mta-sts.${domain}`)],
      (ctx) => checkPolicyHost(ctx, txtFacts),
    );
    const policyFacts = policy.then((p) => {
      mode = p?.mode ?? null;
      seen.policy = p ?? null;
      return p ?? { mode: null, mx: [], valid: false, maxAge: null };
    });
    // At the deadline, MX probes stop waiting for the mode and report what they have.
    const modeNow = Promise.race([
      policyFacts.then((p) => p.mode),
      whenAborted(signal).then(() => null),
    ]);
    const sts = Promise.all([txtFacts, policyFacts]).then(([t, p]) => ({
      deployed: t.deployed,
      mode: p.mode,
    }));
    const side = [
      probe("tlsrpt", undefined, [deadlineUntested("CHK-RPT-1")], (ctx) => checkTlsRpt(ctx, sts)),
      probe("auth", undefined, [deadlineUntested("CHK-AUTH-1")], checkAuth),
    ];
    const mxSeen = await probe(
      "mx-records",
      undefined,
      [deadlineUntested("CHK-DNS-1")],
      checkMxRecords,
    );
    if (!closed) seen.mx = mxSeen ?? null;
    const mx = mxSeen ?? { hosts: [], nullMx: false };
    const hosts = mx.hosts.map((host) =>
      probe(`mx:${host}`, host, [deadlineUntested("CHK-MX-3", host)], (ctx) =>
        checkMxHost(ctx, host, modeNow),
      ),
    );
    const coverage = probe("coverage", undefined, [], async (ctx) =>
      checkCoverage(domain, mx, await policyFacts).forEach(ctx.emit),
    );
    await Promise.all([txt, policy, ...side, ...hosts, coverage]);
  })();

  const finish = Promise.race([main, whenAborted(signal).then(() => sleep(GRACE_MS))]);
  void finish.then(() => {
    clearTimeout(timer);
    for (const [name, state] of pending) {
      for (const r of state.fallback)
        if (!state.emitted.has(r.id)) {
          results.push(r);
          queue.push({ type: "result", probe: name, result: r });
        }
      progress.finished += 1;
      queue.push({
        type: "probe-finished",
        probe: name,
        ms: Date.now() - startedAt,
        progress: { ...progress },
      });
    }
    pending.clear();
    closed = true;
    queue.close();
  });

  try {
    for await (const event of queue) yield event;
    await finish;
    yield {
      type: "done",
      report: {
        ...buildReport(domain, startedAt, now(), mode, deadlineHit, results),
        facts: buildFacts(domain, seen, results, certs),
      },
    };
  } finally {
    // Also reached when the consumer stops early (the browser went away): stop all probes.
    clearTimeout(timer);
    deadline.abort();
  }
}
