/**
 * A hand-made WebSocket client over a raw TCP socket, for sending frames that
 * no well-behaved library would send (reserved opcodes, bad lengths...).
 */
import { createConnection, type Socket } from "node:net";
import { randomBytes } from "node:crypto";

export interface RawSocket {
  socket: Socket;
  /** Resolves when the server closes the TCP connection. */
  closed: Promise<void>;
  /** Everything received after the handshake. */
  received(): Buffer;
  handshakeResponse: string;
}

export async function openRawWebSocket(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<RawSocket> {
  const socket = createConnection({ host: "127.0.0.1", port });
  let buffer = Buffer.alloc(0);
  let handshakeResponse = "";
  const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
  socket.on("error", () => undefined);
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  const extra = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("");
  socket.write(
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${randomBytes(16).toString("base64")}\r\nSec-WebSocket-Version: 13\r\n${extra}\r\n`,
  );
  await new Promise<void>((resolve) => {
    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const end = buffer.indexOf("\r\n\r\n");
      if (end === -1) return;
      handshakeResponse = buffer.subarray(0, end).toString();
      buffer = buffer.subarray(end + 4);
      socket.off("data", onData);
      socket.on("data", (more: Buffer) => (buffer = Buffer.concat([buffer, more])));
      resolve();
    };
    socket.on("data", onData);
  });
  return { socket, closed, received: () => buffer, handshakeResponse };
}

/** Builds a masked client frame. `firstByte` carries FIN, RSV bits and opcode. */
export function clientFrame(firstByte: number, payload: Buffer, lengthOverride?: bigint): Buffer {
  const mask = randomBytes(4);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]));
  let header: Buffer;
  const length = lengthOverride ?? BigInt(payload.length);
  if (length < 126n) header = Buffer.from([firstByte, 0x80 | Number(length)]);
  else if (length < 65536n) {
    header = Buffer.alloc(4);
    header[0] = firstByte;
    header[1] = 0x80 | 126;
    header.writeUInt16BE(Number(length), 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = firstByte;
    header[1] = 0x80 | 127;
    header.writeBigUInt64BE(length, 2);
  }
  return Buffer.concat([header, mask, masked]);
}

/** Close code of the first close frame the server sent, if any. */
export function serverCloseCode(data: Buffer): number | null {
  let offset = 0;
  while (offset + 2 <= data.length) {
    const opcode = data[offset] & 0x0f;
    let length = data[offset + 1] & 0x7f;
    let headerLength = 2;
    if (length === 126) {
      length = data.readUInt16BE(offset + 2);
      headerLength = 4;
    } else if (length === 127) {
      length = Number(data.readBigUInt64BE(offset + 2));
      headerLength = 10;
    }
    if (opcode === 0x8) return length >= 2 ? data.readUInt16BE(offset + headerLength) : 1005;
    offset += headerLength + length;
  }
  return null;
}
