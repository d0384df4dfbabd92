/**
 * The framing of PostgreSQL's binary COPY format, for the readers here and the writers in the
 * subgraphs (metrics' upload staging): one definition, so what is written is what is read.
 */

/** `PGCOPY\n\377\r\n\0`: the signature that opens every binary COPY stream. */
export const COPY_BINARY_SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/** Signature, flags (int32) and header extension length (int32): the fixed part of the header. */
export const COPY_BINARY_HEADER_FIXED = COPY_BINARY_SIGNATURE.length + 8;

/** The header a writer sends: the signature, flags 0 (no OIDs), no header extension. */
export const COPY_BINARY_HEADER = Buffer.concat([COPY_BINARY_SIGNATURE, Buffer.alloc(8)]);

/** A field count of -1 ends the data. */
export const COPY_BINARY_TRAILER = Buffer.from([0xff, 0xff]);
