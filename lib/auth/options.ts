import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { findUserForSignIn } from "@/lib/db/users/users";
import { verifyPassword } from "./password";

// next-auth v4 with a credentials provider: sessions are signed JWT cookies carrying only
// the user id; the role is read from the database on every request (see session.ts), so
// a role change or removal takes effect at once.
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials) {
        const email = credentials?.email ?? "";
        const password = credentials?.password ?? "";
        if (!email || !password) return null;
        const user = await findUserForSignIn(await getDb(), email);
        // Compare against a fixed hash when the user is unknown, so timing does not tell
        // which email addresses exist.
        const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
        if (!user || !ok) return null;
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub };
    },
  },
};

const DUMMY_HASH = "$2b$12$i1.2/Q6ocyJ93Qva5pF6.uIOiFbiQqoHp4WgCz2U64XzEibZrXQv2";
