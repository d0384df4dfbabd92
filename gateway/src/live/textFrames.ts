/**
 * WebSocket text frames (RFC 6455 §5.2) as a server sends them — final, unmasked, uncompressed —
 * for many messages in one buffer, so that a subscriber's batch of live events is one socket
 * write with one allocation instead of two buffers and a stream write per event (docs/live.md
 * "Back-pressure"). Each message comes in parts (UTF-8 already) that are copied, not encoded:
 * the view's shared payload is encoded once for all its clients. A peer that negotiated
 * permessage-deflate still reads them: compression is per frame and optional (the gateway's
 * server does not offer it).
 */
export function textFrames(messages: readonly (readonly Uint8Array[])[]): Buffer {
  let total = 0;
  const lengths = messages.map((parts) => {
    let length = 0;
    for (const part of parts) length += part.length;
    total += headerSize(length) + length;
    return length;
  });
  const frames = Buffer.allocUnsafe(total);
  let at = 0;
  for (let i = 0; i < messages.length; i++) {
    at = writeHeader(frames, at, lengths[i]!);
    for (const part of messages[i]!) {
      frames.set(part, at);
      at += part.length;
    }
  }
  return frames;
}

function headerSize(length: number): number {
  return length < 126 ? 2 : length < 65_536 ? 4 : 10;
}

/** FIN and opcode 1 (text), then the payload length in 7, 16 or 64 bits; returns where the payload starts. */
function writeHeader(frames: Buffer, at: number, length: number): number {
  frames[at++] = 0x81;
  if (length < 126) {
    frames[at++] = length;
    return at;
  }
  if (length < 65_536) {
    frames[at++] = 126;
    frames.writeUInt16BE(length, at);
    return at + 2;
  }
  frames[at++] = 127;
  frames.writeBigUInt64BE(BigInt(length), at);
  return at + 8;
}
