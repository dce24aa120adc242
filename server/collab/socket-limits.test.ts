import { afterEach, describe, expect, it, vi } from "vitest";
import { FrameThrottle, RateBucket, ReadGate, SocketCounter } from "./socket-limits";

describe("socket limits", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("COLLAB-21 a socket may send one second's allowance of frames at once, then only at the rate", () => {
    let now = 0;
    const bucket = new RateBucket({ maxFramesPerSecond: 10, maxBytesPerSecond: 1_000_000 }, () => now);
    for (let i = 0; i < 10; i++) expect(bucket.take(10)).toBe(0);
    // The eleventh frame of the burst is owed a tenth of a second.
    expect(bucket.take(10)).toBe(100);
    now += 1100;
    expect(bucket.take(10)).toBe(0);
  });

  it("COLLAB-21 bytes per second are limited the same way", () => {
    let now = 0;
    const bucket = new RateBucket({ maxFramesPerSecond: 1000, maxBytesPerSecond: 1000 }, () => now);
    expect(bucket.take(800)).toBe(0);
    expect(bucket.take(300)).toBeCloseTo(100);
    now += 2000;
    expect(bucket.take(900)).toBe(0);
  });

  it("PERF-32 frames over a socket's rate are handled at the rate, in order, with the socket not read meanwhile", () => {
    vi.useFakeTimers();
    let now = 0;
    const socket = { paused: false, pause: () => (socket.paused = true), resume: () => (socket.paused = false) };
    const handled: number[] = [];
    const limits = { maxFramesPerSecond: 10, maxBytesPerSecond: 1_000_000 };
    const throttle = new FrameThrottle<Uint8Array>(
      limits,
      new ReadGate(socket),
      (frame) => handled.push(frame[0]),
      () => now,
    );
    const advance = (ms: number) => {
      now += ms;
      vi.advanceTimersByTime(ms);
    };
    // 30 frames arrive together (three seconds of typing, held back while the server was not reading).
    for (let i = 0; i < 30; i++) throttle.push(new Uint8Array([i]));
    expect(handled).toHaveLength(10);
    expect(socket.paused).toBe(true);
    advance(1000);
    expect(handled).toHaveLength(20);
    advance(999);
    expect(handled).toHaveLength(29);
    expect(socket.paused).toBe(true);
    advance(1);
    expect(handled).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(socket.paused).toBe(false);
    // Back within the rate: the next frame is handled at once, nothing paused.
    advance(100);
    throttle.push(new Uint8Array([30]));
    expect(handled).toHaveLength(31);
    expect(socket.paused).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("PERF-32 the rate never resumes a socket the room's back-pressure holds, nor the reverse; close leaves no timer", () => {
    vi.useFakeTimers();
    let now = 0;
    const socket = { paused: false, pause: () => (socket.paused = true), resume: () => (socket.paused = false) };
    const gate = new ReadGate(socket);
    const limits = { maxFramesPerSecond: 10, maxBytesPerSecond: 1_000_000 };
    const throttle = new FrameThrottle<Uint8Array>(
      limits,
      gate,
      () => undefined,
      () => now,
    );
    for (let i = 0; i < 11; i++) throttle.push(new Uint8Array(1));
    gate.hold("backlog");
    now += 100;
    vi.advanceTimersByTime(100);
    expect(throttle.queued).toBe(0);
    expect(socket.paused).toBe(true);
    gate.release("backlog");
    expect(socket.paused).toBe(false);
    for (let i = 0; i < 20; i++) throttle.push(new Uint8Array(1));
    gate.hold("backlog");
    gate.release("backlog");
    expect(socket.paused).toBe(true);
    throttle.stop();
    expect(throttle.queued).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
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
