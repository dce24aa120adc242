import { describe, expect, it } from "vitest";
import { RateBucket, SocketCounter } from "./socket-limits";

describe("socket limits", () => {
  it("COLLAB-21 a socket may send one second's allowance of frames at once, then only at the rate", () => {
    let now = 0;
    const bucket = new RateBucket({ maxFramesPerSecond: 10, maxBytesPerSecond: 1_000_000 }, () => now);
    for (let i = 0; i < 10; i++) expect(bucket.take(10)).toBe(true);
    expect(bucket.take(10)).toBe(false);
    now += 1000;
    expect(bucket.take(10)).toBe(true);
  });

  it("COLLAB-21 bytes per second are limited the same way", () => {
    let now = 0;
    const bucket = new RateBucket({ maxFramesPerSecond: 1000, maxBytesPerSecond: 1000 }, () => now);
    expect(bucket.take(800)).toBe(true);
    expect(bucket.take(300)).toBe(false);
    now += 2000;
    expect(bucket.take(900)).toBe(true);
  });

  it("COLLAB-21 sockets are counted per key and freed on close", () => {
    const counter = new SocketCounter(2);
    expect(counter.tryAdd("s1")).toBe(true);
    expect(counter.tryAdd("s1")).toBe(true);
    expect(counter.tryAdd("s1")).toBe(false);
    expect(counter.tryAdd("s2")).toBe(true);
    counter.remove("s1");
    expect(counter.tryAdd("s1")).toBe(true);
    counter.remove("s1");
    counter.remove("s1");
    counter.remove("s2");
    expect(counter.size).toBe(0);
  });
});
