import { requirePageUser } from "@/lib/auth/session";
import { Card, CardHeader } from "@/components/ui/card";

// Placeholder section: replaced by the feature that owns it.
export default async function Page() {
  await requirePageUser();
  return (
    <Card>
      <CardHeader title="Coming next" description="This section is being built." />
    </Card>
  );
}
