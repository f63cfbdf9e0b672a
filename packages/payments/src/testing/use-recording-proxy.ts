import { afterAll, beforeAll, beforeEach, inject } from "vitest";
import { type RecordingProxy, startRecordingProxy } from "./recording-proxy.ts";

/** Starts one recording proxy in front of stripe-mock for a test file, with a clean record for every test. */
export function useRecordingProxy(): () => RecordingProxy {
  const holder: { proxy?: RecordingProxy } = {};
  beforeAll(async () => {
    holder.proxy = await startRecordingProxy(inject("stripeApiBase"));
  });
  afterAll(() => holder.proxy?.close());
  beforeEach(() => holder.proxy?.reset());
  return () => {
    if (holder.proxy === undefined) throw new Error("the recording proxy is not running yet");
    return holder.proxy;
  };
}
