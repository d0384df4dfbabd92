/**
 * WebSocket text frames (RFC 6455 §5.2) as a server sends them — final, unmasked, uncompressed —
 * for many messages in one buffer, so that a subscriber's batch of live events is one socket
 * write with one allocation instead of two buffers and a stream write per event (docs/live.md
 * "Back-pressure"). A peer that negotiated permessage-deflate still reads them: compression is
 * per frame and optional (the gateway's server does not offer it).
 */
export function textFrames(messages: readonly string[]): Buffer {
  const lengths = messages.map((m) => Buffer.byteLength(m));
  let total = 0;
  for (const length of lengths) total += headerSize(length) + length;
  const frames = Buffer.allocUnsafe(total);
  let at = 0;
  for (let i = 0; i < messages.length; i++) {
    const length = lengths[i]!;
    frames[at++] = 0x81; // FIN, opcode 1 (text)
    if (length < 126) {
      frames[at++] = length;
    } else if (length < 65_536) {
      frames[at++] = 126;
      frames.writeUInt16BE(length, at);
      at += 2;
    } else {
      frames[at++] = 127;
      frames.writeBigUInt64BE(BigInt(length), at);
      at += 8;
    }
    at += frames.write(messages[i]!, at, 'utf8');
  }
  return frames;
}

function headerSize(length: number): number {
  return length < 126 ? 2 : length < 65_536 ? 4 : 10;
}
