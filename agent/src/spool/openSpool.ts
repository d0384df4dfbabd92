import { closeSync, fdatasyncSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import type { MetricPoint } from '@perfanalysis/contract';
import { silentLogger, type Logger } from '../logger.js';
import { readCursor, writeCursor } from './cursorFile.js';
import { readSegmentLines, scanSegments, segmentPath, syncDir, type Segment } from './segmentFiles.js';
import { acquireSpoolLock } from './spoolLock.js';
import { decodeRecord, encodeRecord } from './spoolRecord.js';

export interface SpoolOptions {
  /** Directory of the spool; created if missing. One agent per directory (a lock file enforces it). */
  readonly dir: string;
  /** Bound on the spool's files. Past it, the oldest segment is dropped. @default 100 MiB */
  readonly maxBytes?: number;
  /** A new segment file starts past this size. @default maxBytes / 16, at least 64 KiB */
  readonly segmentBytes?: number;
  /**
   * fdatasync every append (and the directory when a segment is created), so points survive a
   * power cut once append returns. The spool is written only while the server is unreachable,
   * so this costs one sync per sample during an outage. @default true
   */
  readonly fsync?: boolean;
  /** @default silentLogger */
  readonly log?: Logger;
}

export interface SpoolStats {
  /** Records appended and not yet acknowledged. */
  readonly records: number;
  /** Bytes of segment files on disk. */
  readonly bytes: number;
  readonly segments: number;
  /** Records dropped (oldest first) because the size bound was reached; persisted across restarts. */
  readonly dropped: number;
  /** Unreadable lines skipped during replay (torn or corrupted writes). */
  readonly corrupt: number;
}

/**
 * A bounded, append-only, on-disk FIFO of points that survives restarts.
 *
 * Delivery is at-least-once: `peek(n)` returns the oldest unacknowledged points without
 * removing them; `ack(n)` removes the first n of them once the server has stored them. A crash
 * between a send and its ack re-sends those points after the restart; the server's
 * (collector, timestamp) primary key makes that harmless. Order is append order, always.
 */
export interface Spool {
  append(points: readonly MetricPoint[]): void;
  peek(n: number): MetricPoint[];
  ack(n: number): void;
  /** Records not yet acknowledged. */
  readonly size: number;
  stats(): SpoolStats;
  close(): void;
}

const MIB = 1024 * 1024;

export function openSpool(options: SpoolOptions): Spool {
  return new FileSpool(options);
}

/** The head segment's lines, kept in memory while the replay walks through it. */
interface HeadCache {
  readonly first: number;
  readonly lines: string[];
}

interface Peeked {
  /** Serials of the points the last peek returned, minus those acked since. */
  serials: number[];
  /** Serial after the last line that peek examined (skipped corrupt lines included). */
  readonly end: number;
}

class FileSpool implements Spool {
  private readonly dir: string;
  private readonly maxBytes: number;
  private readonly segmentBytes: number;
  private readonly fsync: boolean;
  private readonly log: Logger;
  private readonly releaseLock: () => void;
  private segments: Segment[];
  private next: number;
  private dropped: number;
  private corrupt = 0;
  /** Highest corrupt serial counted, so a re-peek of the same batch does not count it twice. */
  private lastCorrupt = -1;
  private tailFd: number | undefined;
  private cache: HeadCache | undefined;
  private peeked: Peeked | undefined;

  constructor(options: SpoolOptions) {
    this.dir = options.dir;
    this.maxBytes = options.maxBytes ?? 100 * MIB;
    // Never above the bound: a lone tail segment must always fit under it.
    this.segmentBytes = Math.min(this.maxBytes, options.segmentBytes ?? Math.max(64 * 1024, Math.floor(this.maxBytes / 16)));
    this.fsync = options.fsync ?? true;
    this.log = options.log ?? silentLogger;
    mkdirSync(this.dir, { recursive: true });
    this.releaseLock = acquireSpoolLock(this.dir);
    const { segments, tornBytes } = scanSegments(this.dir);
    if (tornBytes > 0) this.log.warn('spool: cut a torn record left by a crash', { dir: this.dir, bytes: tornBytes });
    this.segments = segments;
    const saved = readCursor(this.dir);
    this.next = Math.max(saved?.next ?? 0, segments[0]?.first ?? 0);
    this.dropped = saved?.dropped ?? 0;
    this.removeAcknowledgedSegments();
  }

  get size(): number {
    const total = this.segments.reduce((n, s) => n + s.count, 0);
    const head = this.segments[0];
    return head ? Math.max(0, total - Math.max(0, this.next - head.first)) : 0;
  }

  stats(): SpoolStats {
    return {
      records: this.size,
      bytes: this.segments.reduce((n, s) => n + s.bytes, 0),
      segments: this.segments.length,
      dropped: this.dropped,
      corrupt: this.corrupt,
    };
  }

  append(points: readonly MetricPoint[]): void {
    if (points.length === 0) return;
    const lines = this.fitToBound(points.map(encodeRecord));
    // Filled segment by segment, so the bound later drops old points a segment at a time,
    // not a whole large batch at once.
    for (let start = 0; start < lines.length; ) {
      const tail = this.tailFor(Buffer.byteLength(lines[start]!));
      let end = start + 1;
      let bytes = Buffer.byteLength(lines[start]!);
      while (end < lines.length && tail.bytes + bytes + Buffer.byteLength(lines[end]!) <= this.segmentBytes)
        bytes += Buffer.byteLength(lines[end++]!);
      this.write(tail, lines.slice(start, end), bytes);
      start = end;
    }
  }

  private write(tail: Segment, lines: readonly string[], bytes: number): void {
    this.evictFor(bytes);
    const fd = this.openTail(tail);
    writeSync(fd, lines.join(''));
    if (this.fsync) fdatasyncSync(fd);
    tail.count += lines.length;
    tail.bytes += bytes;
    if (this.cache?.first === tail.first) this.cache.lines.push(...lines.map((l) => l.slice(0, -1)));
  }

  peek(n: number): MetricPoint[] {
    const points: MetricPoint[] = [];
    const serials: number[] = [];
    let serial = this.next;
    for (const segment of this.segments) {
      if (points.length >= n) break;
      if (segment.first + segment.count <= serial) continue;
      serial = Math.max(serial, segment.first);
      const lines = this.linesOf(segment);
      for (; serial < segment.first + segment.count && points.length < n; serial += 1) {
        const point = decodeRecord(lines[serial - segment.first] ?? '');
        if (point) {
          points.push(point);
          serials.push(serial);
        } else this.noteCorrupt(segment, serial);
      }
    }
    // Unreadable lines at the head can never be sent: step over them for good.
    if (points.length === 0 && serial > this.next) this.advanceTo(serial);
    this.peeked = { serials, end: serial };
    return points;
  }

  ack(n: number): void {
    if (n <= 0) return;
    const peeked = this.peeked;
    if (!peeked || n > peeked.serials.length) throw new Error(`spool: ack(${n}) exceeds the ${peeked?.serials.length ?? 0} points peeked`);
    const through = n === peeked.serials.length ? peeked.end : peeked.serials[n - 1]! + 1;
    peeked.serials = peeked.serials.slice(n);
    this.advanceTo(through);
  }

  close(): void {
    if (this.tailFd !== undefined) closeSync(this.tailFd);
    this.tailFd = undefined;
    this.saveCursor();
    this.releaseLock();
  }

  private advanceTo(serial: number): void {
    // max(): records dropped by the size bound since the peek may already be behind us.
    this.next = Math.max(this.next, serial);
    this.removeAcknowledgedSegments();
    this.saveCursor();
  }

  /** A batch larger than the whole bound keeps only its newest lines that fit. */
  private fitToBound(lines: string[]): string[] {
    let bytes = lines.reduce((n, l) => n + Buffer.byteLength(l), 0);
    let start = 0;
    while (bytes > this.maxBytes && start < lines.length) bytes -= Buffer.byteLength(lines[start++]!);
    if (start > 0) this.countDropped(start, 'a batch larger than the spool bound');
    return lines.slice(start);
  }

  /** The segment to append to, starting a new one when the current would grow past segmentBytes. */
  private tailFor(bytes: number): Segment {
    const tail = this.segments.at(-1);
    if (tail && (tail.count === 0 || tail.bytes + bytes <= this.segmentBytes)) return tail;
    const first = tail ? tail.first + tail.count : this.next;
    const segment: Segment = { first, path: segmentPath(this.dir, first), count: 0, bytes: 0 };
    this.closeTail();
    this.segments.push(segment);
    return segment;
  }

  /** Drops whole oldest segments (never the tail) until `bytes` more fit under maxBytes. */
  private evictFor(bytes: number): void {
    let total = this.segments.reduce((n, s) => n + s.bytes, 0);
    while (total + bytes > this.maxBytes && this.segments.length > 1) {
      const oldest = this.segments.shift()!;
      const unacked = oldest.first + oldest.count - Math.max(this.next, oldest.first);
      total -= oldest.bytes;
      rmSync(oldest.path, { force: true });
      this.next = Math.max(this.next, oldest.first + oldest.count);
      if (this.cache?.first === oldest.first) this.cache = undefined;
      this.countDropped(Math.max(0, unacked), 'spool full');
      this.saveCursor();
    }
  }

  private openTail(tail: Segment): number {
    if (this.tailFd === undefined) {
      this.tailFd = openSync(tail.path, 'a');
      if (this.fsync && tail.count === 0) syncDir(this.dir);
    }
    return this.tailFd;
  }

  private closeTail(): void {
    if (this.tailFd !== undefined) closeSync(this.tailFd);
    this.tailFd = undefined;
  }

  private linesOf(segment: Segment): string[] {
    if (this.cache?.first !== segment.first) this.cache = { first: segment.first, lines: readSegmentLines(segment.path) };
    return this.cache.lines;
  }

  /** Deletes segments every record of which is acknowledged, the tail included (the spool empties). */
  private removeAcknowledgedSegments(): void {
    while (this.segments[0] && this.segments[0].first + this.segments[0].count <= this.next) {
      const done = this.segments.shift()!;
      if (this.segments.length === 0) this.closeTail();
      rmSync(done.path, { force: true });
      if (this.cache?.first === done.first) this.cache = undefined;
    }
  }

  private countDropped(count: number, reason: string): void {
    if (count === 0) return;
    this.dropped += count;
    this.log.warn('spool: dropped oldest points', { reason, count, droppedTotal: this.dropped, maxBytes: this.maxBytes });
  }

  private noteCorrupt(segment: Segment, serial: number): void {
    if (serial <= this.lastCorrupt) return;
    this.lastCorrupt = serial;
    this.corrupt += 1;
    this.log.warn('spool: skipped an unreadable record', { segment: segment.path, line: serial - segment.first + 1 });
  }

  private saveCursor(): void {
    writeCursor(this.dir, { next: this.next, dropped: this.dropped });
  }
}
