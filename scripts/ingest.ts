// Ingest report files from disk: npm run ingest -- <files or folders> (folders are
// walked recursively for .json, .json.gz, .gz and .eml). The same read and store as the
// HTTPS endpoint, many files in flight (lib/ingest/bulk.ts); one line per file in order, a
// summary line, exit code 1 when anything was rejected.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { getDb } from "../lib/db/client";
import { settleVerdicts } from "../lib/db/readiness/verdict-queue";
import { ingestInOrder } from "../lib/ingest/bulk";
import { summarize, type FileOutcome } from "../lib/ingest/summary";

const REPORT_FILE = /\.(json|json\.gz|gz|eml)$/i;

function* walk(p: string): Generator<string> {
  const st = statSync(p);
  if (st.isDirectory()) {
    for (const name of readdirSync(p).sort()) yield* walk(path.join(p, name));
  } else if (st.isFile()) yield p;
}

async function main(args: string[]): Promise<number> {
  if (args.length === 0) {
    console.error("usage: npm run ingest -- <files or folders>");
    return 2;
  }
  const files: string[] = [];
  for (const a of args) {
    try {
      for (const f of walk(a)) if (REPORT_FILE.test(f) || f === a) files.push(f);
    } catch {
      console.error(`${a}: not found`);
      return 2;
    }
  }
  const db = await getDb();
  const items = files.map((f) => ({
    meta: { channel: "cli" as const, source: f, filename: path.basename(f) },
    load: () => readFileSync(f),
  }));
  const outcomes: FileOutcome[] = await ingestInOrder(db, items, (out, i) => {
    console.log(`${files[i]}: ${out.status}${out.reason ? ` (${out.reason})` : ""}`);
  });
  const s = summarize(outcomes);
  console.log(s.line);
  // The readiness verdicts of the domains these reports touched (issue 13), before closing.
  await settleVerdicts(db);
  await db.$disconnect();
  return s.rejected > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
