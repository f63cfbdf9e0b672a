import { hash, type Options, verify } from "@node-rs/argon2";

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. 2 is Algorithm.Argon2id (a const enum we cannot import).
const options: Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when no account matches keeps "no such user" as slow as "wrong password".
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$oTntYebnakcV1NBqSDymnw$ZGVk7DNtPvNo9tlh75EIgh7jbg6EJ2H2Kl9kLeuiEOA";

export async function dummyVerify(password: string): Promise<false> {
  await verifyPassword(DUMMY_HASH, password);
  return false;
}
