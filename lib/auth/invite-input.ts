import { z } from "zod";
import { err, ok, type Result } from "../core/diagnostic";
import type { Failure } from "../core/failure";
import { apiFailure } from "../i18n/api-failure";
import { firstProblem } from "../i18n/zod-problem";

// What the users page's invite form sends (POST /api/users). Each message is the form's, in
// English from its "apiErrors" message (issue 16 §6); the first problem is shown under it.
const P = {
  inviteName: apiFailure("invalid", "inviteName").message,
  enterEmail: apiFailure("invalid", "enterEmail").message,
  inviteRole: apiFailure("invalid", "inviteRole").message,
  invitePassword: apiFailure("invalid", "invitePassword").message,
} as const;

const Invite = z.object({
  name: z.string().trim().min(1, P.inviteName).max(100),
  email: z.email(P.enterEmail),
  role: z.enum(["admin", "viewer"], P.inviteRole),
  password: z.string(P.invitePassword),
});

export type Invite = z.infer<typeof Invite>;

/** The invite, or its first problem (zod's own, e.g. a name past 100 characters, worded by
 * zodProblem). The password's rules are passwordRule's, checked after this. */
export function parseInvite(body: unknown): Result<Invite, Failure> {
  const parsed = Invite.safeParse(body);
  if (parsed.success) return ok(parsed.data);
  return err(firstProblem(parsed.error, body, P, apiFailure("invalid", "inviteBody")));
}
