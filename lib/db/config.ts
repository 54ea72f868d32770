// DATABASE_URL is parsed in lib/config with the other settings; lib/db keeps this name so
// its modules and the scripts import the engine choice from their own layer.
export {
  dbConfigFromEnv,
  SQLITE_BUSY_TIMEOUT_MS,
  type DbConfig,
  type DbProvider,
  type SqliteSync,
} from "@/lib/config/database";
