-- Hand-edited: the bytes each Report kept move to RawInput, one row per distinct input,
-- before the column is dropped.
-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "rawInputId" INTEGER;

-- CreateTable
CREATE TABLE "RawInput" (
    "id" SERIAL NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "RawInput_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RawInput_sha256_key" ON "RawInput"("sha256");

INSERT INTO "RawInput" ("sha256", "size", "receivedAt", "bytes")
  SELECT DISTINCT ON (h) h, length("raw"), "receivedAt", "raw"
  FROM (SELECT encode(sha256("raw"), 'hex') AS h, "raw", "receivedAt", "id"
        FROM "Report" WHERE "raw" IS NOT NULL) AS r
  ORDER BY h, "id";
UPDATE "Report" SET "rawInputId" = ri."id" FROM "RawInput" ri
  WHERE "Report"."raw" IS NOT NULL AND ri."sha256" = encode(sha256("Report"."raw"), 'hex');

-- AlterTable
ALTER TABLE "Report" DROP COLUMN "raw";

-- CreateIndex
CREATE INDEX "Report_rawInputId_idx" ON "Report"("rawInputId");

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_rawInputId_fkey" FOREIGN KEY ("rawInputId") REFERENCES "RawInput"("id") ON DELETE SET NULL ON UPDATE CASCADE;
