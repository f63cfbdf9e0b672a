// Open payout alerts the admin dismissed: still watched (each returns by itself if it gets worse, and resolves
// once its condition clears), listed apart so the open list shows only what needs attention.
import { Button } from "@fieldpay/ui/button";
import { DataTable } from "@fieldpay/ui/data-table";
import { When } from "@fieldpay/ui/dates";

interface DismissedAlert {
  id: string;
  title: string;
  who: string;
  since: string | Date;
  dismissedAt: string | Date | null;
}

const day = (date: string | Date) => <When value={date} show="day" />;

export function DismissedAlerts({
  alerts,
  restoring,
  onRestore,
}: {
  alerts: readonly DismissedAlert[];
  restoring: string | null;
  onRestore: (alertId: string) => void;
}) {
  if (alerts.length === 0) return null;
  return (
    <DataTable
      caption="Dismissed (still watched: shown again if it gets worse)"
      rows={alerts}
      rowKey={(a) => a.id}
      columns={[
        { key: "title", header: "Alert", cell: (a) => a.title, rowHeader: true },
        { key: "who", header: "Who", cell: (a) => a.who },
        { key: "since", header: "Since", cell: (a) => day(a.since) },
        { key: "dismissed", header: "Dismissed", cell: (a) => (a.dismissedAt ? day(a.dismissedAt) : "") },
        {
          key: "restore",
          header: "",
          cell: (a) => (
            <Button
              variant="secondary"
              busy={restoring === a.id}
              busyLabel="Showing…"
              onClick={() => onRestore(a.id)}
            >
              Show again
            </Button>
          ),
        },
      ]}
    />
  );
}
