import { CheckCircle2Icon, CircleIcon, InfoIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { SetupChecklist, SetupStep } from "@/lib/dashboard/setup-checklist";
import { hideSetupChecklist, showSetupChecklist } from "@/server/dashboard/setup-checklist-visibility";

/**
 * The organisation admin's first-run checklist: each step ticked from real data and linking to where
 * it is done. Gone once every step that is theirs is done; "Hide" tucks it away in this browser.
 */
export function SetupChecklistCard({ checklist, hidden }: { checklist: SetupChecklist; hidden: boolean }) {
  if (checklist.complete) return null;
  if (hidden) {
    return (
      <form action={showSetupChecklist} className="mb-6 text-sm text-muted-foreground" data-testid="setup-hidden">
        Setting up: {checklist.remaining} {checklist.remaining === 1 ? "step" : "steps"} left.{" "}
        <button type="submit" className="text-primary hover:underline">
          Show the checklist
        </button>
      </form>
    );
  }
  const total = checklist.steps.filter((s) => s.actionable).length;
  return (
    <Card className="mb-6" data-testid="setup-checklist">
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2">
        <div>
          <CardTitle>Set up your organisation</CardTitle>
          <CardDescription>
            {total - checklist.remaining} of {total} done. Each step opens the page where it is done.
          </CardDescription>
        </div>
        <form action={hideSetupChecklist}>
          <Button type="submit" variant="outline" size="sm">
            Hide
          </Button>
        </form>
      </CardHeader>
      <CardContent>
        <ol className="grid gap-3">
          {checklist.steps.map((step) => (
            <Step key={step.key} step={step} />
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}

function Step({ step }: { step: SetupStep }) {
  const Icon = step.done ? CheckCircle2Icon : step.actionable ? CircleIcon : InfoIcon;
  const state = step.done ? "done" : step.actionable ? "to do" : "for your provider";
  return (
    // On phones the link goes under the text; from 640 px it sits at the right.
    <li
      className="grid grid-cols-[auto_1fr] items-start gap-x-3 gap-y-2 sm:grid-cols-[auto_1fr_auto]"
      data-step={step.key}
      data-done={step.done}
    >
      <Icon
        aria-hidden
        className={cn("mt-0.5 size-5 shrink-0", step.done ? "text-green-700" : "text-muted-foreground")}
      />
      <div className="min-w-0 flex-1">
        <p className={cn("font-medium", step.done && "text-muted-foreground line-through")}>
          {step.title}
          <span className="sr-only"> ({state})</span>
        </p>
        <p className="text-sm text-muted-foreground">{step.detail}</p>
      </div>
      {step.link ? (
        <Button
          asChild
          size="sm"
          variant={step.done ? "ghost" : "default"}
          className="col-start-2 justify-self-start sm:col-start-3"
        >
          <Link href={step.link.href}>{step.link.label}</Link>
        </Button>
      ) : null}
    </li>
  );
}
