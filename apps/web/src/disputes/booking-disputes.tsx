// The admin's booking page: a card for each dispute of the booking (nothing when there is none).
import { trpc } from "../lib/trpc.ts";
import { DisputeCard } from "./dispute-card.tsx";

export function BookingDisputes({ bookingId }: { bookingId: string }) {
  const disputes = trpc.disputes.list.useQuery({ bookingId });
  return disputes.data?.map((d) => <DisputeCard key={d.id} dispute={d} />) ?? null;
}
