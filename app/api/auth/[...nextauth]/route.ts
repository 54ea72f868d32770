import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

// Public by design: sign-in itself.
const handler = NextAuth(authOptions);
export { handler as GET, handler as POST };
