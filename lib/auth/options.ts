import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { secrets } from "@/lib/config/secrets";
import { getDb } from "@/lib/db/client";
import { clientAddressFromHeaders } from "./client-address";
import { safeCallbackPath } from "./safe-redirect";
import { signInWithPassword } from "./sign-in";
import { signInThrottle } from "./sign-in-throttle";

// next-auth v4 with a credentials provider: sessions are signed JWT cookies carrying the
// user id and the user's session version at sign-in; the role is read from the database on
// every request and a changed version ends the session (see session.ts), so a role change,
// password reset or removal takes effect at once.
export const authOptions: NextAuthOptions = {
  // Read in lib/config like every other setting (next-auth would read the same variable).
  secret: secrets().NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const email = credentials?.email ?? "";
        const password = credentials?.password ?? "";
        if (!email || !password) return null;
        const outcome = await signInWithPassword(await getDb(), await signInThrottle(), {
          email,
          password,
          address: clientAddressFromHeaders(req.headers),
        });
        if (outcome.ok) {
          const u = outcome.user;
          return { id: u.id, email: u.email, name: u.name, sessionVersion: u.sessionVersion };
        }
        if (outcome.error === "CredentialsSignin") return null;
        // next-auth hands a thrown message to the browser as `error` (see sign-in-messages.ts).
        throw new Error(outcome.error);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = "sessionVersion" in user ? user.sessionVersion : undefined;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub, sessionVersion: token.sv };
    },
    // No open redirect: after sign-in and sign-out only same-origin paths are followed.
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeCallbackPath(url, baseUrl)}`;
    },
  },
};
