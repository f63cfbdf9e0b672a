// Stripe names what it still needs with dotted field paths ("individual.dob.day") and says why an account is
// switched off with codes ("requirements.past_due"). Fieldworkers and business owners see neither: this turns
// both into plain words and one thing to do.

const ONBOARDING = "in Stripe's onboarding (the Stripe setup link in fieldpay)";
const SUPPORT = "Contact Stripe support from the Stripe dashboard (Help > Contact support).";

export interface PlainRequirement {
  /** Every Stripe requirement name this item stands for, e.g. individual.dob.day and individual.dob.month. */
  requirements: string[];
  label: string;
  action: string;
}

export interface PlainReason {
  reason: string;
  title: string;
  explanation: string;
  fix: string;
}

// Field path (matched as a prefix, first match wins) -> what a person would call it.
const PERSON: Readonly<Record<string, string>> = {
  first_name: "legal name",
  last_name: "legal name",
  full_name_aliases: "legal name",
  dob: "date of birth",
  address: "home address",
  registered_address: "registered address",
  id_number: "government ID number (for example a Social Security or national ID number)",
  ssn_last_4: "last 4 digits of the Social Security number",
  email: "email address",
  phone: "phone number",
  nationality: "nationality",
  political_exposure: "answer to the public office question",
  "relationship.title": "job title",
  relationship: "role in the business",
  "verification.additional_document": "proof of address",
  "verification.document": "photo ID",
  "verification.proof_of_liveness": "selfie check",
};

const COMPANY: Readonly<Record<string, string>> = {
  name: "legal business name",
  tax_id: "tax ID (for example an EIN, VAT or company registration number)",
  registration_number: "company registration number",
  address: "business address",
  phone: "business phone number",
  structure: "legal structure",
  owners_provided: "list of owners",
  directors_provided: "list of directors",
  executives_provided: "list of executives",
  ownership_declaration: "ownership declaration",
  "verification.document": "registration document",
};

const PROFILE: Readonly<Record<string, string>> = {
  url: "website",
  mcc: "business category",
  product_description: "description of the services offered",
  support_phone: "customer support phone number",
  support_email: "customer support email",
  support_url: "customer support web page",
  support_address: "customer support address",
  name: "business name as customers know it",
  annual_revenue: "yearly revenue",
  estimated_worker_count: "number of workers",
};

const SUBJECTS: Readonly<
  Record<string, readonly [possessive: string, fields: Readonly<Record<string, string>>]>
> = {
  individual: ["Your", PERSON],
  representative: ["The account representative's", PERSON],
  owners: ["A business owner's", PERSON],
  directors: ["A director's", PERSON],
  executives: ["An executive's", PERSON],
  company: ["Your business's", COMPANY],
  business_profile: ["Your business's", PROFILE],
};

const WHOLE_NAMES: Readonly<Record<string, string>> = {
  external_account: "Bank account for payouts",
  tos_acceptance: "Acceptance of Stripe's terms",
  business_type: "Business type",
  "settings.payments.statement_descriptor": "Name shown on customers' card statements",
  "settings.card_payments.statement_descriptor_prefix": "Name shown on customers' card statements",
};

// Where "enter the <thing>" is not enough to know what to do. Keyed by the field label.
const ACTIONS: Readonly<Record<string, string>> = {
  "Bank account for payouts": "Add the bank account (or debit card) payouts should go to",
  "Acceptance of Stripe's terms": "Accept the Stripe Services Agreement",
  "Business type": "Choose whether you work as an individual (sole trader) or as a company",
  "photo ID":
    "Upload a clear colour photo of both sides of a valid passport, driving licence or national ID card",
  "proof of address": "Upload a recent utility bill or bank statement showing the same name and address",
  "selfie check": "Take the selfie check",
  "registration document": "Upload an official document showing the business's legal name and registration",
  "list of owners": "List everyone who owns 25% or more of the business",
  "ownership declaration": "Confirm that the list of owners is complete",
  website: "Add a website or social media page describing the services (a page about the work is enough)",
};

function lookup(table: Readonly<Record<string, string>>, path: string): string | undefined {
  const key = Object.keys(table).find((prefix) => path === prefix || path.startsWith(`${prefix}.`));
  return key === undefined ? undefined : table[key];
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

function plain(name: string, label: string, field: string): PlainRequirement {
  const what = ACTIONS[field] ?? `Enter ${lowerFirst(label)}`;
  return { requirements: [name], label, action: `${what} ${ONBOARDING}.` };
}

/** One Stripe requirement name in plain words; unknown names still get a readable label and the usual fix. */
export function describeRequirement(name: string): PlainRequirement {
  const whole = lookup(WHOLE_NAMES, name);
  if (whole) return plain(name, whole, whole);
  const [subject = "", ...rest] = name.split(".");
  // Persons added to a company account are named by their Stripe id ("person_1Abc.dob.day").
  const entry = subject.startsWith("person_") ? (["A listed person's", PERSON] as const) : SUBJECTS[subject];
  const field = entry && lookup(entry[1], rest.join("."));
  if (entry && field) return plain(name, `${entry[0]} ${field}`, field);
  const words = name
    .replace(/^person_[A-Za-z0-9]+\./, "")
    .replace(/[._]+/g, " ")
    .trim();
  return {
    requirements: [name],
    label: `More information: ${words}`,
    action: `Stripe needs more information (${words}); provide it ${ONBOARDING}.`,
  };
}

/** Several requirement names, merged where they mean the same thing to a person (dob.day/month/year). */
export function describeRequirements(names: readonly string[] | null | undefined): PlainRequirement[] {
  const byLabel = new Map<string, PlainRequirement>();
  for (const name of names ?? []) {
    const item = describeRequirement(name);
    const seen = byLabel.get(item.label);
    if (!seen) byLabel.set(item.label, item);
    else if (!seen.requirements.includes(name)) seen.requirements.push(name);
  }
  return [...byLabel.values()];
}

/** One sentence asking for all of `items`, e.g. "In Stripe's onboarding, provide: your date of birth; …". */
export function whatToProvide(items: readonly PlainRequirement[]): string {
  return `In Stripe's onboarding, provide: ${items.map((item) => lowerFirst(item.label)).join("; ")}.`;
}

type ReasonText = readonly [title: string, explanation: string, fix: string];

const OTHER: ReasonText = [
  "Restricted by Stripe",
  "Stripe restricted this account for a reason it does not share with fieldpay.",
  `Look for a banner or message in the Stripe dashboard explaining what is needed. ${SUPPORT}`,
];
const BY_PLATFORM: ReasonText = [
  "Turned off by the business",
  "The business that invited you switched this Stripe account off for its platform.",
  "Talk to the business's administrator.",
];
const closed = (why: string, text: string): ReasonText => [`Closed by Stripe (${why})`, text, SUPPORT];

const REASONS: Readonly<Record<string, ReasonText>> = {
  "requirements.past_due": [
    "Information overdue",
    "Stripe asked for information that was not provided in time, so it paused this account.",
    `Provide everything Stripe lists as due ${ONBOARDING}; Stripe turns the account back on once verified.`,
  ],
  "requirements.pending_verification": [
    "Being verified",
    "Stripe is checking the information provided; this takes from a few minutes to 2 business days.",
    "Nothing to do yet. If it takes longer than 2 business days, look for a message from Stripe.",
  ],
  "action_required.requested_capabilities": [
    "Setup not finished for a requested feature",
    "Card payments or payouts were requested for this account, but Stripe still needs details for them.",
    `Finish the remaining steps ${ONBOARDING}.`,
  ],
  listed: [
    "Under compliance review",
    "The account may match a list Stripe must check (such as sanctions lists) and is being reviewed.",
    `Watch for an email from Stripe and send any documents it asks for. ${SUPPORT}`,
  ],
  under_review: [
    "Under review by Stripe",
    "Stripe is reviewing this account, which it does from time to time to keep payments safe.",
    `Reply quickly to any request from Stripe. If the review lasts more than a few days: ${SUPPORT}`,
  ],
  platform_paused: [
    "Paused by the business",
    "The business paused payments and payouts on this Stripe account.",
    "Ask the business's administrator to resume the account (Stripe dashboard > Connect > Accounts).",
  ],
  other: OTHER,
  "rejected.fraud": closed("suspected fraud", "Stripe closed this account because it suspects fraud."),
  "rejected.terms_of_service": closed("terms of service", "Stripe closed this account under its terms."),
  "rejected.listed": closed("compliance", "Stripe closed this account after screening it against lists."),
  "rejected.incomplete_verification": closed("not verified", "Stripe could not verify the account."),
  "rejected.platform_fraud": BY_PLATFORM,
  "rejected.platform_terms_of_service": BY_PLATFORM,
  "rejected.platform_other": BY_PLATFORM,
};

/** A `requirements.disabled_reason` in plain words; unknown codes fall back by family (rejected.* or not). */
export function describeDisabledReason(reason: string): PlainReason {
  const fallback = reason.startsWith("rejected.")
    ? closed("rejected", "Stripe rejected this account; it cannot take payments.")
    : OTHER;
  const [title, explanation, fix] = REASONS[reason] ?? fallback;
  return { reason, title, explanation, fix };
}
