-- CreateTable
CREATE TABLE "JobEvent" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "ts" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "fannedOutAt" TIMESTAMP(3),

    CONSTRAINT "JobEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" UUID NOT NULL,
    "functionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "eventId" TEXT,
    "event" JSONB NOT NULL,
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL,
    "runAt" TIMESTAMP(3) NOT NULL,
    "leaseToken" UUID,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "concurrencyKey" TEXT,
    "throttleKey" TEXT,
    "rateLimitKey" TEXT,
    "debounceKey" TEXT,
    "startedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "output" JSONB,
    "error" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobStep" (
    "runId" UUID NOT NULL,
    "hashedId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "op" TEXT NOT NULL,
    "done" BOOLEAN NOT NULL,
    "data" JSONB,
    "error" JSONB,
    "wakeAt" TIMESTAMP(3),
    "waitEvent" TEXT,
    "waitIf" TEXT,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobStep_pkey" PRIMARY KEY ("runId","hashedId")
);

-- CreateTable
CREATE TABLE "JobCronTick" (
    "functionId" TEXT NOT NULL,
    "scheduledAt" TIMESTAMP(3) NOT NULL,
    "runId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobCronTick_pkey" PRIMARY KEY ("functionId","scheduledAt")
);

-- CreateIndex
CREATE INDEX "JobEvent_name_receivedAt_idx" ON "JobEvent"("name", "receivedAt");

-- CreateIndex
CREATE INDEX "JobEvent_fannedOutAt_receivedAt_idx" ON "JobEvent"("fannedOutAt", "receivedAt");

-- CreateIndex
CREATE INDEX "JobRun_status_runAt_idx" ON "JobRun"("status", "runAt");

-- CreateIndex
CREATE INDEX "JobRun_functionId_concurrencyKey_leaseUntil_idx" ON "JobRun"("functionId", "concurrencyKey", "leaseUntil");

-- CreateIndex
CREATE INDEX "JobRun_functionId_throttleKey_startedAt_idx" ON "JobRun"("functionId", "throttleKey", "startedAt");

-- CreateIndex
CREATE INDEX "JobRun_functionId_rateLimitKey_createdAt_idx" ON "JobRun"("functionId", "rateLimitKey", "createdAt");

-- CreateIndex
CREATE INDEX "JobRun_functionId_debounceKey_status_idx" ON "JobRun"("functionId", "debounceKey", "status");

-- CreateIndex
CREATE INDEX "JobStep_waitEvent_done_idx" ON "JobStep"("waitEvent", "done");

-- AddForeignKey
ALTER TABLE "JobStep" ADD CONSTRAINT "JobStep_runId_fkey" FOREIGN KEY ("runId") REFERENCES "JobRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Platform-only tables (like "Trunk"): the runner works as the owner; a scoped session sees them
-- only as a platform administrator.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['JobEvent', 'JobRun', 'JobStep', 'JobCronTick'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY platform_only ON %I TO faxport_scoped USING (app_is_platform()) WITH CHECK (app_is_platform())', t);
  END LOOP;
END
$$;
