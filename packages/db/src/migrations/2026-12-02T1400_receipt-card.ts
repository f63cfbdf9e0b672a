// The card a payment was made with, as Stripe reports it (the charge's payment_method_details.card), for the
// receipt: "Visa ending 4242". Filled from charge.succeeded and from "Refresh status" (the PaymentIntent read
// with its latest charge); null until one of them arrives.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table payments
      add column card_brand text,
      add column card_last4 text check (card_last4 ~ '^[0-9]{4}$')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table payments drop column card_brand, drop column card_last4`.execute(db);
}
