// A card as the customer reads it: "Visa ending 4242". Stripe names brands in code ("amex", "diners").
const BRANDS: Readonly<Record<string, string>> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  discover: "Discover",
  diners: "Diners Club",
  jcb: "JCB",
  unionpay: "UnionPay",
  cartes_bancaires: "Cartes Bancaires",
  eftpos_au: "eftpos",
  interac: "Interac",
};

export function cardBrandWords(brand: string): string {
  return BRANDS[brand] ?? "Card";
}

export function cardWords(card: { brand: string; last4: string }): string {
  return `${cardBrandWords(card.brand)} ending ${card.last4}`;
}
