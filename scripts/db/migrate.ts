// Applies committed migrations to the database named by DATABASE_URL (default: the
// SQLite file under data/). The app also does this on start; this is for operators.
import { dbConfigFromEnv } from "../../lib/db/config";
import { dataDirOf, secureDataDir } from "../../lib/db/file-modes";
import { applyMigrations } from "../../lib/db/migrate";

const config = dbConfigFromEnv();
const applied = await applyMigrations(config);
secureDataDir(dataDirOf(process.cwd()));
console.log(
  applied.length === 0
    ? `${config.provider}: database is up to date`
    : `${config.provider}: applied ${applied.length} migration(s): ${applied.join(", ")}`,
);
