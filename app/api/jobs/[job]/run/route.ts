import { NextResponse } from "next/server";
import { z } from "zod";
import { fail } from "@/lib/http/errors";
import { withUser } from "@/lib/http/handler";
import { JOB_NAMES } from "@/lib/scheduler/app-jobs";
import { runJobNow } from "@/lib/scheduler/start";

type Params = { job: string };

const JOBS = JOB_NAMES.join(", ");
const JobParam = z.enum(JOB_NAMES);

// POST: "Run now" on the settings page (issue 14 §1, admins only). The job runs on this
// instance in a slot of its own; the page shows its row once it refreshes. 202: started.
export const POST = withUser<Params>("admin", async (_req, _user, { job }) => {
  const name = JobParam.safeParse(job);
  if (!name.success)
    return fail("not-found", `There is no job by that name; the jobs are ${JOBS}.`, {
      key: "noSuchJob",
      params: { jobs: JOBS },
    });
  const started = await runJobNow(name.data);
  if (!started.ok) return fail("conflict", started.error.message, started.error.ref);
  return NextResponse.json({ job: name.data, slot: started.value.slot }, { status: 202 });
});
