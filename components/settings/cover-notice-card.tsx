"use client";
/**
 * An organisation admin words the confidentiality notice printed at the foot of every cover page
 * (New fax → Add a cover page), on Settings → Branding. Left empty, cover pages carry the default notice.
 */
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form, FormAlert } from "@/components/ui/form";
import { useFieldErrors } from "@/components/ui/form-errors";
import { Textarea } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { COVER_NOTICE_MAX, coverNoticeSchema, DEFAULT_COVER_NOTICE } from "@/lib/fax-cover-page";

export function CoverNoticeCard() {
  const mine = trpc.tenant.mine.useQuery();
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Cover page notice</CardTitle>
        <CardDescription>
          Printed at the foot of each cover page. The cover page itself — who the fax is for, the subject and the note —
          is made and encrypted in the sender's browser; this notice is your organisation's own wording.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {mine.error ? <Alert variant="error">{mine.error.message}</Alert> : null}
        {saved ? (
          <Alert variant="success" className="mb-4">
            {saved}
          </Alert>
        ) : null}
        {mine.data ? (
          <NoticeForm key={mine.data.coverPageNotice ?? ""} notice={mine.data.coverPageNotice} onSaved={setSaved} />
        ) : null}
      </CardContent>
    </Card>
  );
}

function NoticeForm({ notice, onSaved }: { notice: string | null; onSaved: (message: string | null) => void }) {
  const utils = trpc.useUtils();
  const [text, setText] = useState(notice ?? DEFAULT_COVER_NOTICE);
  const save = trpc.tenant.setCoverNotice.useMutation({
    onSuccess: (result) => {
      onSaved(result?.coverPageNotice ? "Notice saved." : "Notice saved: cover pages carry the default notice.");
      void utils.tenant.mine.invalidate();
    },
  });
  const errors = useFieldErrors(save.error);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    onSaved(null);
    const valid = errors.check(coverNoticeSchema, { notice: text });
    // The default, saved as such, follows any later improvement to its wording.
    if (valid) save.mutate({ notice: valid.notice === DEFAULT_COVER_NOTICE ? "" : valid.notice });
  }

  return (
    <Form errors={errors} onSubmit={submit} className="grid max-w-2xl gap-4">
      <FormAlert />
      <Field
        label="Confidentiality notice"
        htmlFor="cover-notice"
        name="notice"
        hint={`At most ${COVER_NOTICE_MAX} characters. Empty: the default notice.`}
      >
        <Textarea
          id="cover-notice"
          rows={7}
          value={text}
          maxLength={COVER_NOTICE_MAX}
          onChange={(e) => setText(e.target.value)}
        />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={save.isPending}>
          Save notice
        </Button>
        <Button type="button" variant="outline" onClick={() => setText(DEFAULT_COVER_NOTICE)}>
          Use the default wording
        </Button>
      </div>
    </Form>
  );
}
