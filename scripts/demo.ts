// npm run demo: loads demo.example with a testing policy and 60 days of generated TLS
// reports (through the real ingestion path) into DATABASE_URL (default: the SQLite file).
//   --end YYYY-MM-DD   last report day (default: yesterday, UTC)
//   --clean N          then add N clean days ending yesterday (shows the domain getting ready)
import { getDb } from "@/lib/db/client";
import { settleVerdicts } from "@/lib/db/readiness/verdict-queue";
import { listUsers } from "@/lib/db/users/users";
import { loadCleanDays, loadDemo } from "@/lib/demo/load-demo";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const db = await getDb();
  const users = await listUsers(db);
  const admin = users.find((u) => u.role === "admin");
  if (!admin) {
    console.log(
      "No admin yet. Start the app (npm start), open it in a browser to create the first admin\n" +
        "(first run), then run `npm run demo` again: the demo records its changes under that admin.",
    );
    return 1;
  }
  const end = arg("--end");
  const out = await loadDemo(
    db,
    { userId: admin.id, email: admin.email },
    end ? { endDay: end } : {},
  );
  console.log(
    `Demo domain ${out.domain} ${out.created ? "added" : "already there"}; policy id ${out.policyId} (mode testing).`,
  );
  if (out.skipped) console.log("Reports were loaded before: nothing added.");
  else
    console.log(
      `Reports ${out.from} to ${out.to}: ${out.reports.stored} stored, ${out.reports.duplicates} duplicates, ${out.reports.other} other.`,
    );
  const clean = Number(arg("--clean") ?? 0);
  if (clean > 0) {
    const c = await loadCleanDays(db, clean);
    console.log(`Clean days: ${c.stored} reports stored, ${c.duplicates} duplicates.`);
  }
  console.log(`\nSign in as ${admin.email} (or any user) and open /domains/${out.domain}/reports.`);
  await settleVerdicts(db);
  await db.$disconnect();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
