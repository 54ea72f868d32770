-- AlterTable
ALTER TABLE "AlertSettings" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "Alert" ADD COLUMN     "i18n" TEXT;
