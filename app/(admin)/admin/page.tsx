import { redirect } from "next/navigation";
import { requireUser } from "@/server/auth/guards";

export default async function AdminIndex() {
  const user = await requireUser();
  redirect(user.role === "PLATFORM_ADMIN" ? "/admin/tenants" : "/admin/users");
}
