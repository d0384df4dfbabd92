/** One archived document of a run, as e-mail and webhooks present it. */
export interface DeliveryDocument {
  readonly archiveId: string;
  readonly kind: 'COLLECTOR' | 'FLEET';
  /** The collector of a COLLECTOR report; null for a FLEET comparison. */
  readonly collectorId: string | null;
  readonly machineId: string | null;
  /** Every collector the document covers, and their machine ids, in the schedule's order. */
  readonly collectorIds: readonly string[];
  readonly machineIds: readonly string[];
  readonly fileName: string;
  readonly contentType: string;
  readonly body: Buffer;
  /** Absolute link to the archived document (`PUBLIC_URL` + `/downloads/reports/<token>`). */
  readonly url: string;
  readonly linkExpiresAt: Date;
}

/** What a run's delivery says about it. */
export interface DeliveryRun {
  readonly runId: string;
  readonly tenant: string;
  readonly scheduleId: string;
  readonly scheduleName: string;
  readonly from: Date;
  readonly to: Date;
  readonly documents: readonly DeliveryDocument[];
}
