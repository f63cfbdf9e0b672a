// A check the admin asked for (health report, payout check) is polled for every 2 s while it runs. When it has
// waited over a minute with no worker taking it, the page says so, with the fix, and keeps looking every 10 s.
import { Alert } from "@fieldpay/ui/alert";

interface Progress {
  running: boolean;
  stalled: boolean;
}

export function pollWhileRunning(progress: Progress | undefined): number | false {
  if (progress?.stalled) return 10_000;
  return progress?.running ? 2000 : false;
}

export function StalledAlert({ what }: { what: string }) {
  return (
    <Alert
      tone="warning"
      title="Waiting for the fieldpay worker"
      fix="Make sure the fieldpay worker is running (npm run dev starts it with everything else). The check starts as soon as it is; this page keeps looking."
    >
      {what} was asked for over a minute ago and no worker has started it yet.
    </Alert>
  );
}
