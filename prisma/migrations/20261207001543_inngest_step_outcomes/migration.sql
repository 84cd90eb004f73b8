-- CreateTable
CREATE TABLE "JobStepOutcome" (
    "runId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobStepOutcome_pkey" PRIMARY KEY ("runId","stepId")
);

-- CreateIndex
CREATE INDEX "JobStepOutcome_createdAt_idx" ON "JobStepOutcome"("createdAt");

-- Jobs' own bookkeeping, as the other Job tables: no organisation's transaction sees it.
ALTER TABLE "JobStepOutcome" ENABLE ROW LEVEL SECURITY;
CREATE POLICY platform_only ON "JobStepOutcome" TO faxport_scoped USING (app_is_platform()) WITH CHECK (app_is_platform());
