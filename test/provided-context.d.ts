// What scripts/test.mjs provides to every test through vitest's provide/inject (see test/environment.ts).
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
    stripeApiBase: string;
    chromiumPath: string;
  }
}
