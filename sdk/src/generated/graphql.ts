/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string };
  String: { input: string; output: string };
  Boolean: { input: boolean; output: boolean };
  Int: { input: number; output: number };
  Float: { input: number; output: number };
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string };
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: any; output: any };
  /** The `Upload` scalar type represents a file upload. */
  Upload: { input: File | Blob; output: File | Blob };
};

/** One occurrence of a rule on one collector: pending → firing → resolved. */
export type Alert = {
  __typename?: 'Alert';
  acknowledgedAt: Maybe<Scalars['DateTimeISO']['output']>;
  acknowledgedBy: Maybe<Scalars['ID']['output']>;
  collector: Collector;
  firedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** The value that crossed (threshold: the window average). */
  firedValue: Maybe<Scalars['Float']['output']>;
  id: Scalars['ID']['output'];
  pendingAt: Scalars['DateTimeISO']['output'];
  resolvedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** The value that cleared the condition. */
  resolvedValue: Maybe<Scalars['Float']['output']>;
  ruleId: Scalars['ID']['output'];
  ruleName: Scalars['String']['output'];
  severity: AlertSeverity;
  /** A silence covered it when it fired: no notification was sent. */
  silenced: Scalars['Boolean']['output'];
  status: AlertStatus;
  summary: Scalars['String']['output'];
};

/** A lifecycle step of an alert, as subscribers and webhooks receive it. */
export type AlertEvent = {
  __typename?: 'AlertEvent';
  alertId: Maybe<Scalars['ID']['output']>;
  at: Scalars['DateTimeISO']['output'];
  collector: Maybe<Collector>;
  /** PENDING, FIRING, RESOLVED or ACKNOWLEDGED. */
  event: Scalars['String']['output'];
  ruleId: Maybe<Scalars['ID']['output']>;
  ruleName: Maybe<Scalars['String']['output']>;
  severity: Maybe<AlertSeverity>;
  silenced: Scalars['Boolean']['output'];
  summary: Scalars['String']['output'];
  value: Maybe<Scalars['Float']['output']>;
};

/** A condition on one metric of some or all collectors of the tenant. */
export type AlertRule = {
  __typename?: 'AlertRule';
  /** The collectors judged; null: every collector of the tenant. */
  collectors: Maybe<Array<Collector>>;
  createdAt: Scalars['DateTimeISO']['output'];
  enabled: Scalars['Boolean']['output'];
  /** How long the condition must hold before the alert fires. */
  forSeconds: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  kind: AlertRuleKind;
  /** A column of docs/metrics.md, e.g. cpu_user (empty for SILENT rules). */
  metric: Scalars['String']['output'];
  name: Scalars['String']['output'];
  op: Maybe<ComparisonOp>;
  severity: AlertSeverity;
  silentSeconds: Maybe<Scalars['Int']['output']>;
  /** Template: {{value}}, {{metric}}, {{collector}}, {{threshold}}, {{rule}}, {{severity}}. */
  summary: Scalars['String']['output'];
  threshold: Maybe<Scalars['Float']['output']>;
  /** ANOMALY: points learnt before the rule may fire. */
  warmupPoints: Scalars['Int']['output'];
  /** THRESHOLD: seconds averaged (0: each point alone). */
  windowSeconds: Scalars['Int']['output'];
  zScore: Maybe<Scalars['Float']['output']>;
};

/** A new rule, or the full replacement of one. */
export type AlertRuleInput = {
  /** One or more collectors; omitted: all of the tenant, new ones included. */
  collectorIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  forSeconds?: InputMaybe<Scalars['Int']['input']>;
  kind: AlertRuleKind;
  /** A column of docs/metrics.md (cpu_user or cpuUser); required unless kind is SILENT. */
  metric?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  op?: InputMaybe<ComparisonOp>;
  severity?: InputMaybe<AlertSeverity>;
  silentSeconds?: InputMaybe<Scalars['Int']['input']>;
  summary?: InputMaybe<Scalars['String']['input']>;
  threshold?: InputMaybe<Scalars['Float']['input']>;
  warmupPoints?: InputMaybe<Scalars['Int']['input']>;
  windowSeconds?: InputMaybe<Scalars['Int']['input']>;
  zScore?: InputMaybe<Scalars['Float']['input']>;
};

/** THRESHOLD: the average over `windowSeconds` compared with `threshold`; ANOMALY: the value more than `zScore` standard deviations from its own EWMA; SILENT: no point from the collector for `silentSeconds`. */
export type AlertRuleKind = 'ANOMALY' | 'SILENT' | 'THRESHOLD';

export type AlertSeverity = 'CRITICAL' | 'INFO' | 'WARNING';

/** Notifications of matching alerts are not sent between startsAt and endsAt. */
export type AlertSilence = {
  __typename?: 'AlertSilence';
  collector: Maybe<Collector>;
  comment: Maybe<Scalars['String']['output']>;
  endsAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  ruleId: Maybe<Scalars['ID']['output']>;
  startsAt: Scalars['DateTimeISO']['output'];
};

/** PENDING: the condition holds, for not yet long enough; FIRING; RESOLVED: it no longer holds. */
export type AlertStatus = 'FIRING' | 'PENDING' | 'RESOLVED';

/** What a key may do besides sending its own collector’s data. READ: read the tenant like a VIEWER. */
export type ApiKeyScope = 'READ';

/** Who did what, from where, with which outcome. */
export type AuditEvent = {
  __typename?: 'AuditEvent';
  action: Scalars['String']['output'];
  /** User id, `collector:<id>`, or the e-mail tried on a failed login. */
  actor: Maybe<Scalars['String']['output']>;
  at: Scalars['DateTimeISO']['output'];
  details: Scalars['JSONObject']['output'];
  id: Scalars['ID']['output'];
  ip: Maybe<Scalars['String']['output']>;
  outcome: Scalars['String']['output'];
};

/** A session: a short access token and a rotating refresh token. */
export type AuthPayload = {
  __typename?: 'AuthPayload';
  accessToken: Scalars['String']['output'];
  accessTokenExpiresAt: Scalars['DateTimeISO']['output'];
  refreshToken: Scalars['String']['output'];
  role: Maybe<Role>;
  tenant: Maybe<Tenant>;
  user: User;
};

/** Given only where the 95 % interval excludes zero. */
export type ChangeVerdict = 'HIGHER' | 'LOWER' | 'NO_CLEAR_CHANGE';

/** A machine sending metrics. */
export type Collector = {
  __typename?: 'Collector';
  active: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  hostname: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  ip: Maybe<Scalars['String']['output']>;
  lastSeen: Maybe<Scalars['DateTimeISO']['output']>;
  /** The newest stored point. */
  latestPoint: Maybe<MetricPoint>;
  /** Unique within the tenant; what agents and CSV files call the machine. */
  machineId: Scalars['String']['output'];
  platform: Maybe<Scalars['String']['output']>;
  site: Maybe<Scalars['String']['output']>;
  status: CollectorStatus;
  tenant: Tenant;
};

/** LIVE: seen within the last 2 minutes. */
export type CollectorStatus = 'INACTIVE' | 'LIVE' | 'NEVER_SEEN' | 'STALE';

/** The API key is shown once: store it now. */
export type CollectorWithKey = {
  __typename?: 'CollectorWithKey';
  /** Send as `Authorization: Bearer <apiKey>`. Not retrievable later. */
  apiKey: Scalars['String']['output'];
  collector: Collector;
  /** When the previous key (if any) stops working. */
  previousKeyExpiresAt: Maybe<Scalars['DateTimeISO']['output']>;
};

export type CompareReportInput = {
  /** BEFORE_AFTER: one collector (two windows) or two, before then after. FLEET: 1 to 100 distinct collectors. */
  collectorIds: Array<Scalars['ID']['input']>;
  /** HTML page, SVG chart (distributions or heatmap), or A4 PDF. */
  format?: ReportFormat;
  kind: ComparisonKind;
  /** BEFORE_AFTER: the before and after windows (two), or one window both collectors are read over. FLEET: exactly one. Each at most 31 days, `from` before `to`. */
  windows: Array<ReportWindowInput>;
};

/** The change of one statistic of one metric from before to after. */
export type ComparisonChange = {
  __typename?: 'ComparisonChange';
  after: Maybe<Scalars['Float']['output']>;
  before: Maybe<Scalars['Float']['output']>;
  /** after − before. */
  change: Maybe<Scalars['Float']['output']>;
  high: Maybe<Scalars['Float']['output']>;
  /** Low end of the bootstrap 95 % interval of the change. */
  low: Maybe<Scalars['Float']['output']>;
  /** Column or derived series, e.g. `cpu_busy`. */
  metric: Scalars['String']['output'];
  /** `mean` or `p95`. */
  statistic: Scalars['String']['output'];
  verdict: ChangeVerdict;
};

export type ComparisonKind =
  /** One collector's two windows, or two collectors over a window each. */
  | 'BEFORE_AFTER'
  /** Up to 100 collectors over one window. */
  | 'FLEET';

/** >, >=, <, <= */
export type ComparisonOp = 'GT' | 'GTE' | 'LT' | 'LTE';

/** A collector whose p95 lies outside the fleet's Tukey fences. */
export type ComparisonOutlier = {
  __typename?: 'ComparisonOutlier';
  collector: Collector;
  /** The fence it crossed. */
  fence: Scalars['Float']['output'];
  metric: Scalars['String']['output'];
  /** `high` or `low`. */
  side: Scalars['String']['output'];
  value: Scalars['Float']['output'];
};

/** A rendered comparison. Download the document from `downloadUrl` before `expiresAt` (the link is the capability). */
export type ComparisonReport = {
  __typename?: 'ComparisonReport';
  bytes: Scalars['Int']['output'];
  /** BEFORE_AFTER: the mean and p95 change of each metric; empty for FLEET. */
  changes: Array<ComparisonChange>;
  collectors: Array<Collector>;
  downloadUrl: Scalars['String']['output'];
  expiresAt: Scalars['DateTimeISO']['output'];
  format: ReportFormat;
  id: Scalars['ID']['output'];
  kind: ComparisonKind;
  /** FLEET: the named outliers of CPU busy and memory used; empty for BEFORE_AFTER. */
  outliers: Array<ComparisonOutlier>;
  /** Points the comparison was built from. */
  points: Scalars['Int']['output'];
  windows: Array<ReportWindow>;
};

/** A new webhook with its signing secret, shown this once. */
export type CreatedWebhook = {
  __typename?: 'CreatedWebhook';
  /** HMAC-SHA256 key: each request carries `x-perfanalysis-signature: t=<unix s>,v1=<hex HMAC of "<t>.<raw body>">`. Shown only now. */
  secret: Scalars['String']['output'];
  webhook: Webhook;
};

/** A CPU core, a block device or a network interface. */
export type DeviceKind = 'CPU' | 'DISK' | 'NET';

export type DeviceSampleInput = {
  /** cpu_idle (%) */
  cpuIdle?: InputMaybe<Scalars['Float']['input']>;
  /** cpu_iowait (%) */
  cpuIowait?: InputMaybe<Scalars['Float']['input']>;
  /** cpu_steal (%) */
  cpuSteal?: InputMaybe<Scalars['Float']['input']>;
  /** cpu_system (%) */
  cpuSystem?: InputMaybe<Scalars['Float']['input']>;
  /** cpu_user (%) */
  cpuUser?: InputMaybe<Scalars['Float']['input']>;
  /** e.g. cpu0, sda, eth0 */
  device: Scalars['String']['input'];
  /** disk_io_util (%) */
  diskIoUtil?: InputMaybe<Scalars['Float']['input']>;
  /** disk_read_mb (MB/s) */
  diskReadMb?: InputMaybe<Scalars['Float']['input']>;
  /** disk_read_ops (ops/s) */
  diskReadOps?: InputMaybe<Scalars['Float']['input']>;
  /** disk_write_mb (MB/s) */
  diskWriteMb?: InputMaybe<Scalars['Float']['input']>;
  /** disk_write_ops (ops/s) */
  diskWriteOps?: InputMaybe<Scalars['Float']['input']>;
  kind: DeviceKind;
  /** load_1min (ratio) */
  load1min?: InputMaybe<Scalars['Float']['input']>;
  /** load_5min (ratio) */
  load5min?: InputMaybe<Scalars['Float']['input']>;
  /** load_15min (ratio) */
  load15min?: InputMaybe<Scalars['Float']['input']>;
  /** mem_available_mb (MB) */
  memAvailableMb?: InputMaybe<Scalars['Float']['input']>;
  /** mem_buffers_mb (MB) */
  memBuffersMb?: InputMaybe<Scalars['Float']['input']>;
  /** mem_cached_mb (MB) */
  memCachedMb?: InputMaybe<Scalars['Float']['input']>;
  /** mem_free_mb (MB) */
  memFreeMb?: InputMaybe<Scalars['Float']['input']>;
  /** mem_total_mb (MB) */
  memTotalMb?: InputMaybe<Scalars['Float']['input']>;
  /** mem_used_mb (MB) */
  memUsedMb?: InputMaybe<Scalars['Float']['input']>;
  /** net_rx_errors (/s) */
  netRxErrors?: InputMaybe<Scalars['Float']['input']>;
  /** net_rx_mb (MB/s) */
  netRxMb?: InputMaybe<Scalars['Float']['input']>;
  /** net_rx_packets (/s) */
  netRxPackets?: InputMaybe<Scalars['Float']['input']>;
  /** net_tx_errors (/s) */
  netTxErrors?: InputMaybe<Scalars['Float']['input']>;
  /** net_tx_mb (MB/s) */
  netTxMb?: InputMaybe<Scalars['Float']['input']>;
  /** net_tx_packets (/s) */
  netTxPackets?: InputMaybe<Scalars['Float']['input']>;
  /** swap_total_mb (MB) */
  swapTotalMb?: InputMaybe<Scalars['Float']['input']>;
  /** swap_used_mb (MB) */
  swapUsedMb?: InputMaybe<Scalars['Float']['input']>;
};

/** One device bucketed from raw per-device values (min/avg/max per bucket). */
export type DeviceSeries = {
  __typename?: 'DeviceSeries';
  /** e.g. cpu0, sda, eth0 */
  device: Scalars['String']['output'];
  kind: DeviceKind;
  metrics: Array<MetricSeries>;
  /** Start of each bucket, every bucket of the range, oldest first. */
  timestamps: Array<Scalars['DateTimeISO']['output']>;
};

export type Domain = {
  __typename?: 'Domain';
  host: Scalars['String']['output'];
  primary: Scalars['Boolean']['output'];
};

export type Invitation = {
  __typename?: 'Invitation';
  createdAt: Scalars['DateTimeISO']['output'];
  /** The invitee, as the ADMIN typed it (normalised); says nothing about whether it has an account. */
  email: Scalars['String']['output'];
  expiresAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  /** The ADMIN who invited (null once that account is gone). */
  invitedBy: Maybe<User>;
  role: Role;
  status: InvitationStatus;
  tenantId: Scalars['ID']['output'];
  tenantName: Scalars['String']['output'];
  tenantSlug: Scalars['String']['output'];
};

/** PENDING until the invitee accepts or declines, an ADMIN revokes it, or it expires (INVITATION_TTL). */
export type InvitationStatus = 'ACCEPTED' | 'DECLINED' | 'EXPIRED' | 'PENDING' | 'REVOKED';

export type LoginInput = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
  /** Tenant slug to bind the session to; default: the Host domain’s tenant, else your first. */
  tenant?: InputMaybe<Scalars['String']['input']>;
};

export type Membership = {
  __typename?: 'Membership';
  role: Role;
  since: Scalars['DateTimeISO']['output'];
  tenant: Tenant;
  user: User;
};

/** cpu, memory, disk, network or load columns of docs/metrics.md. */
export type MetricGroup = 'CPU' | 'DISK' | 'LOAD' | 'MEMORY' | 'NETWORK';

/** One sample of one collector at one instant (UTC). */
export type MetricPoint = {
  __typename?: 'MetricPoint';
  collector: Collector;
  /** cpu_idle (%) */
  cpuIdle: Maybe<Scalars['Float']['output']>;
  /** cpu_iowait (%) */
  cpuIowait: Maybe<Scalars['Float']['output']>;
  /** cpu_steal (%) */
  cpuSteal: Maybe<Scalars['Float']['output']>;
  /** cpu_system (%) */
  cpuSystem: Maybe<Scalars['Float']['output']>;
  /** cpu_user (%) */
  cpuUser: Maybe<Scalars['Float']['output']>;
  /** disk_io_util (%) */
  diskIoUtil: Maybe<Scalars['Float']['output']>;
  /** disk_read_mb (MB/s) */
  diskReadMb: Maybe<Scalars['Float']['output']>;
  /** disk_read_ops (ops/s) */
  diskReadOps: Maybe<Scalars['Float']['output']>;
  /** disk_write_mb (MB/s) */
  diskWriteMb: Maybe<Scalars['Float']['output']>;
  /** disk_write_ops (ops/s) */
  diskWriteOps: Maybe<Scalars['Float']['output']>;
  /** load_1min (ratio) */
  load1min: Maybe<Scalars['Float']['output']>;
  /** load_5min (ratio) */
  load5min: Maybe<Scalars['Float']['output']>;
  /** load_15min (ratio) */
  load15min: Maybe<Scalars['Float']['output']>;
  /** mem_available_mb (MB) */
  memAvailableMb: Maybe<Scalars['Float']['output']>;
  /** mem_buffers_mb (MB) */
  memBuffersMb: Maybe<Scalars['Float']['output']>;
  /** mem_cached_mb (MB) */
  memCachedMb: Maybe<Scalars['Float']['output']>;
  /** mem_free_mb (MB) */
  memFreeMb: Maybe<Scalars['Float']['output']>;
  /** mem_total_mb (MB) */
  memTotalMb: Maybe<Scalars['Float']['output']>;
  /** mem_used_mb (MB) */
  memUsedMb: Maybe<Scalars['Float']['output']>;
  /** net_rx_errors (/s) */
  netRxErrors: Maybe<Scalars['Float']['output']>;
  /** net_rx_mb (MB/s) */
  netRxMb: Maybe<Scalars['Float']['output']>;
  /** net_rx_packets (/s) */
  netRxPackets: Maybe<Scalars['Float']['output']>;
  /** net_tx_errors (/s) */
  netTxErrors: Maybe<Scalars['Float']['output']>;
  /** net_tx_mb (MB/s) */
  netTxMb: Maybe<Scalars['Float']['output']>;
  /** net_tx_packets (/s) */
  netTxPackets: Maybe<Scalars['Float']['output']>;
  /** swap_total_mb (MB) */
  swapTotalMb: Maybe<Scalars['Float']['output']>;
  /** swap_used_mb (MB) */
  swapUsedMb: Maybe<Scalars['Float']['output']>;
  timestamp: Scalars['DateTimeISO']['output'];
};

export type MetricPointInput = {
  /** cpu_idle (%) */
  cpuIdle?: InputMaybe<Scalars['Float']['input']>;
  /** cpu_iowait (%) */
  cpuIowait?: InputMaybe<Scalars['Float']['input']>;
  /** cpu_steal (%) */
  cpuSteal?: InputMaybe<Scalars['Float']['input']>;
  /** cpu_system (%) */
  cpuSystem?: InputMaybe<Scalars['Float']['input']>;
  /** cpu_user (%) */
  cpuUser?: InputMaybe<Scalars['Float']['input']>;
  /** Per-CPU, per-disk and per-interface values. */
  devices?: InputMaybe<Array<DeviceSampleInput>>;
  /** disk_io_util (%) */
  diskIoUtil?: InputMaybe<Scalars['Float']['input']>;
  /** disk_read_mb (MB/s) */
  diskReadMb?: InputMaybe<Scalars['Float']['input']>;
  /** disk_read_ops (ops/s) */
  diskReadOps?: InputMaybe<Scalars['Float']['input']>;
  /** disk_write_mb (MB/s) */
  diskWriteMb?: InputMaybe<Scalars['Float']['input']>;
  /** disk_write_ops (ops/s) */
  diskWriteOps?: InputMaybe<Scalars['Float']['input']>;
  /** load_1min (ratio) */
  load1min?: InputMaybe<Scalars['Float']['input']>;
  /** load_5min (ratio) */
  load5min?: InputMaybe<Scalars['Float']['input']>;
  /** load_15min (ratio) */
  load15min?: InputMaybe<Scalars['Float']['input']>;
  /** mem_available_mb (MB) */
  memAvailableMb?: InputMaybe<Scalars['Float']['input']>;
  /** mem_buffers_mb (MB) */
  memBuffersMb?: InputMaybe<Scalars['Float']['input']>;
  /** mem_cached_mb (MB) */
  memCachedMb?: InputMaybe<Scalars['Float']['input']>;
  /** mem_free_mb (MB) */
  memFreeMb?: InputMaybe<Scalars['Float']['input']>;
  /** mem_total_mb (MB) */
  memTotalMb?: InputMaybe<Scalars['Float']['input']>;
  /** mem_used_mb (MB) */
  memUsedMb?: InputMaybe<Scalars['Float']['input']>;
  /** net_rx_errors (/s) */
  netRxErrors?: InputMaybe<Scalars['Float']['input']>;
  /** net_rx_mb (MB/s) */
  netRxMb?: InputMaybe<Scalars['Float']['input']>;
  /** net_rx_packets (/s) */
  netRxPackets?: InputMaybe<Scalars['Float']['input']>;
  /** net_tx_errors (/s) */
  netTxErrors?: InputMaybe<Scalars['Float']['input']>;
  /** net_tx_mb (MB/s) */
  netTxMb?: InputMaybe<Scalars['Float']['input']>;
  /** net_tx_packets (/s) */
  netTxPackets?: InputMaybe<Scalars['Float']['input']>;
  /** swap_total_mb (MB) */
  swapTotalMb?: InputMaybe<Scalars['Float']['input']>;
  /** swap_used_mb (MB) */
  swapUsedMb?: InputMaybe<Scalars['Float']['input']>;
  timestamp: Scalars['DateTimeISO']['input'];
};

/** One metric bucketed; null where a bucket holds no value of it. */
export type MetricSeries = {
  __typename?: 'MetricSeries';
  avg: Array<Maybe<Scalars['Float']['output']>>;
  max: Array<Maybe<Scalars['Float']['output']>>;
  /** The contract column, e.g. cpu_user (docs/metrics.md). */
  metric: Scalars['String']['output'];
  min: Array<Maybe<Scalars['Float']['output']>>;
  /** e.g. %, MB, MB/s, ops/s, /s; empty for load averages. */
  unit: Scalars['String']['output'];
};

/** min, mean, max and exact percentiles (percentile_cont, linear interpolation) of one metric over raw points. */
export type MetricSummary = {
  __typename?: 'MetricSummary';
  /** Points in the range holding a value of this metric. */
  count: Scalars['Int']['output'];
  max: Maybe<Scalars['Float']['output']>;
  mean: Maybe<Scalars['Float']['output']>;
  /** The contract column, e.g. cpu_user (docs/metrics.md). */
  metric: Scalars['String']['output'];
  min: Maybe<Scalars['Float']['output']>;
  p95: Maybe<Scalars['Float']['output']>;
  p99: Maybe<Scalars['Float']['output']>;
  /** The 100th percentile: the maximum. */
  p100: Maybe<Scalars['Float']['output']>;
  /** 97.5th percentile. */
  p975: Maybe<Scalars['Float']['output']>;
  unit: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Joins the tenant with the invited role (an existing membership is kept as it is); then switchTenant to use it. */
  acceptInvitation: Membership;
  /** Marks an alert as seen by you (kept in its history). */
  acknowledgeAlert: Alert;
  /** Routes a host name to the current tenant; `primary` replaces the previous primary. */
  addDomain: Domain;
  /** Checks the old password, sets a new one and closes every other session. */
  changePassword: Scalars['Boolean']['output'];
  /** Defines a rule; it is evaluated on the points stored from now on. */
  createAlertRule: AlertRule;
  /** Registers a webhook; the secret is returned this once. */
  createAlertWebhook: CreatedWebhook;
  createReportSchedule: ReportSchedule;
  /** Turns down an invitation addressed to your e-mail. */
  declineInvitation: Scalars['Boolean']['output'];
  /** Deletes a rule with its alerts and their history. */
  deleteAlertRule: Scalars['Boolean']['output'];
  deleteAlertWebhook: Scalars['Boolean']['output'];
  /** Deletes a schedule and its runs; archived documents stay until their retention ends. */
  deleteReportSchedule: Scalars['Boolean']['output'];
  /** Changes a member's role in the current tenant, or invites the e-mail to it. */
  grantRole: RoleGrant;
  login: AuthPayload;
  /** Closes the current session: its access and refresh tokens stop working. */
  logout: Scalars['Boolean']['output'];
  /** Pauses (true) or resumes (false) a schedule. Resuming skips the runs missed while paused: the next is computed from now. */
  pauseReportSchedule: ReportSchedule;
  /** Creates a tenant with its own schema; the caller becomes its ADMIN. */
  provisionTenant: Tenant;
  /** Spends a refresh token for a new pair. Reusing a spent one closes the session. */
  refresh: AuthPayload;
  /** Creates an account for an e-mail that has none, then log in. Answers true either way; an existing account is left as it is. */
  register: Scalars['Boolean']['output'];
  /** Registers a machine and issues its API key (shown once). */
  registerCollector: CollectorWithKey;
  removeDomain: Scalars['Boolean']['output'];
  /** Forgets the profile of a collector: every value back to its default. */
  resetReportProfile: ReportProfile;
  /** Every key of the collector stops working within a second. */
  revokeApiKeys: Scalars['Boolean']['output'];
  /** Withdraws a pending invitation of the current tenant. */
  revokeInvitation: Scalars['Boolean']['output'];
  /** Removes a member from the current tenant. */
  revokeMembership: Scalars['Boolean']['output'];
  /** Issues a new key; the old one keeps working for the grace period (API_KEY_GRACE). */
  rotateApiKey: CollectorWithKey;
  /** Queues a run now, outside the cron (paused schedules too); a runner renders, archives and delivers it. */
  runReportSchedule: ReportRun;
  /** Sets the scopes of the collector’s keys (rotations keep them). None: the key sends its own data only. */
  setApiKeyScopes: Scalars['Boolean']['output'];
  /** An inactive collector’s keys are refused; reactivating restores them. */
  setCollectorActive: Collector;
  /** Replaces the profile of a collector: fields left out or null go back to their defaults. */
  setReportProfile: ReportProfile;
  /** Deactivating stops every token and API key of the tenant at once. */
  setTenantActive: Tenant;
  /** No notification for alerts of this rule/collector (all when omitted) firing in the window. */
  silenceAlerts: AlertSilence;
  /** A new token pair bound to another tenant you belong to (same session). */
  switchTenant: AuthPayload;
  /** Sends a signed TEST notification now and returns its delivery (retried like any other if it failed). */
  testAlertWebhook: WebhookDelivery;
  /** A batch of points from the API key's collector; re-sent points are skipped. */
  tricklePoints: TrickleAck;
  /** Replaces a rule; its open alerts resolve and evaluation starts afresh. */
  updateAlertRule: AlertRule;
  updateCollector: Collector;
  /** Changes a schedule; the next run is computed again from now. */
  updateReportSchedule: ReportSchedule;
  /** Renames the tenant; what it pays for and how long it keeps data are the operator’s. */
  updateTenant: Tenant;
  /** A CSV file of metrics, or a pcc collection (raw measurements as NDJSON or a JSON array), as a GraphQL multipart request (send `apollo-require-preflight: true`). All rows are stored or none. `machineId` names the machine when a CSV has no machine_id column, and the machine of a collection (a collector key uploads for its own). */
  uploadMetrics: UploadResult;
};

export type MutationAcceptInvitationArgs = {
  id: Scalars['ID']['input'];
};

export type MutationAcknowledgeAlertArgs = {
  id: Scalars['ID']['input'];
};

export type MutationAddDomainArgs = {
  host: Scalars['String']['input'];
  primary?: Scalars['Boolean']['input'];
};

export type MutationChangePasswordArgs = {
  newPassword: Scalars['String']['input'];
  oldPassword: Scalars['String']['input'];
};

export type MutationCreateAlertRuleArgs = {
  input: AlertRuleInput;
};

export type MutationCreateAlertWebhookArgs = {
  input: WebhookInput;
};

export type MutationCreateReportScheduleArgs = {
  input: ReportScheduleInput;
};

export type MutationDeclineInvitationArgs = {
  id: Scalars['ID']['input'];
};

export type MutationDeleteAlertRuleArgs = {
  id: Scalars['ID']['input'];
};

export type MutationDeleteAlertWebhookArgs = {
  id: Scalars['ID']['input'];
};

export type MutationDeleteReportScheduleArgs = {
  id: Scalars['ID']['input'];
};

export type MutationGrantRoleArgs = {
  email: Scalars['String']['input'];
  role: Role;
};

export type MutationLoginArgs = {
  input: LoginInput;
};

export type MutationPauseReportScheduleArgs = {
  id: Scalars['ID']['input'];
  paused?: Scalars['Boolean']['input'];
};

export type MutationProvisionTenantArgs = {
  input: ProvisionTenantInput;
};

export type MutationRefreshArgs = {
  refreshToken: Scalars['String']['input'];
};

export type MutationRegisterArgs = {
  input: RegisterInput;
};

export type MutationRegisterCollectorArgs = {
  input: RegisterCollectorInput;
};

export type MutationRemoveDomainArgs = {
  host: Scalars['String']['input'];
};

export type MutationResetReportProfileArgs = {
  collectorId: Scalars['ID']['input'];
};

export type MutationRevokeApiKeysArgs = {
  collectorId: Scalars['ID']['input'];
};

export type MutationRevokeInvitationArgs = {
  id: Scalars['ID']['input'];
};

export type MutationRevokeMembershipArgs = {
  userId: Scalars['ID']['input'];
};

export type MutationRotateApiKeyArgs = {
  collectorId: Scalars['ID']['input'];
};

export type MutationRunReportScheduleArgs = {
  id: Scalars['ID']['input'];
};

export type MutationSetApiKeyScopesArgs = {
  collectorId: Scalars['ID']['input'];
  scopes: Array<ApiKeyScope>;
};

export type MutationSetCollectorActiveArgs = {
  active: Scalars['Boolean']['input'];
  id: Scalars['ID']['input'];
};

export type MutationSetReportProfileArgs = {
  collectorId: Scalars['ID']['input'];
  input: ReportProfileInput;
};

export type MutationSetTenantActiveArgs = {
  active: Scalars['Boolean']['input'];
};

export type MutationSilenceAlertsArgs = {
  input: SilenceInput;
};

export type MutationSwitchTenantArgs = {
  tenant: Scalars['String']['input'];
};

export type MutationTestAlertWebhookArgs = {
  id: Scalars['ID']['input'];
};

export type MutationTricklePointsArgs = {
  points: Array<MetricPointInput>;
};

export type MutationUpdateAlertRuleArgs = {
  id: Scalars['ID']['input'];
  input: AlertRuleInput;
};

export type MutationUpdateCollectorArgs = {
  id: Scalars['ID']['input'];
  input: UpdateCollectorInput;
};

export type MutationUpdateReportScheduleArgs = {
  id: Scalars['ID']['input'];
  input: ReportScheduleUpdate;
};

export type MutationUpdateTenantArgs = {
  input: UpdateTenantInput;
};

export type MutationUploadMetricsArgs = {
  file: Scalars['Upload']['input'];
  machineId?: InputMaybe<Scalars['String']['input']>;
};

export type ProvisionTenantInput = {
  name: Scalars['String']['input'];
  /** Refused (FORBIDDEN): a tenant keeps 90 days until the operator sets it with `npm run admin -- set-retention`. */
  retentionDays?: InputMaybe<Scalars['Int']['input']>;
  /** Lower-case letter, then letters, digits or underscores; 3–40 characters. */
  slug: Scalars['String']['input'];
};

export type Query = {
  __typename?: 'Query';
  /** Pending and firing alerts of your tenant, newest first. */
  activeAlerts: Array<Alert>;
  /** Alerts active at some instant of [from, to), newest first. */
  alertHistory: Array<Alert>;
  alertRule: AlertRule;
  /** Your tenant's alert rules. */
  alertRules: Array<AlertRule>;
  /** Silences not yet over. */
  alertSilences: Array<AlertSilence>;
  alertWebhooks: Array<Webhook>;
  /** The current tenant's audit trail, newest first. */
  auditTrail: Array<AuditEvent>;
  collector: Maybe<Collector>;
  /** Every collector of the current tenant. */
  collectors: Array<Collector>;
  /** Compares collectors of your tenant (docs/report-comparisons.md). BEFORE_AFTER: each metric's distribution side by side and the change in mean and p95 with a bootstrap 95 % interval, a verdict only where it excludes zero. FLEET: up to 100 collectors over one window (at most 7 days), a ranked p95/p97.5/p99/p100 table per metric, a CPU and memory heatmap, outliers named. As HTML, SVG (the chart) or PDF, offered at `downloadUrl` for 10 minutes. A collector of another tenant is NOT_FOUND. */
  compareReport: ComparisonReport;
  /** The tenant this request is bound to (an API key may ask too). */
  currentTenant: Tenant;
  /** Every CPU core, disk or interface of one collector, bucketed from raw values over [from, to) (at most 7 days). */
  deviceSeries: Array<DeviceSeries>;
  /** The current tenant's invitations, newest first (the latest 500). */
  invitations: Array<Invitation>;
  /** The logged-in user. */
  me: User;
  /** Members of the current tenant. */
  members: Array<Membership>;
  /** Pending invitations addressed to your e-mail, newest first. */
  myInvitations: Array<Invitation>;
  /** Every tenant the caller belongs to, with the role held there. */
  myMemberships: Array<Membership>;
  /** Renders a report of one collector of your tenant over [from, to) (at most 31 days): the HTML report with the sections asked (all when omitted), the same as an A4 PDF with vector charts (format PDF), or with format SVG one chart (`chart`) as a standalone SVG. The document is offered at `downloadUrl` for 10 minutes. */
  report: Report;
  /** Archived documents of your tenant, newest first (optionally of one schedule). */
  reportArchive: Array<ReportArchiveEntry>;
  /** A download link of one archived document, valid for 10 minutes. */
  reportArchiveDownload: ReportArchiveLink;
  /** The capacities and thresholds the reports of this collector use; null fields are defaults. */
  reportProfile: ReportProfile;
  /** Runs of one schedule, newest first. */
  reportRuns: Array<ReportRun>;
  /** Your tenant’s report schedules, oldest first. */
  reportSchedules: Array<ReportSchedule>;
  /** Sections a report can contain, in report order. */
  reportSections: Array<ReportSection>;
  /** One group of metrics of one collector over [from, to), in about `buckets` (1–5000) buckets of min/avg/max. Long ranges read minute or hour rollups. */
  series: Series;
  /** min, mean, max, p95, p97.5, p99 and p100 of each metric of the groups (all when omitted) over raw points in [from, to). */
  summary: Array<MetricSummary>;
  /** Checks an access token: signature, claims, expiry and its session. Logged-in callers only. */
  verifyToken: TokenInfo;
  /** Delivery log, newest first. */
  webhookDeliveries: Array<WebhookDelivery>;
};

export type QueryAlertHistoryArgs = {
  from: Scalars['DateTimeISO']['input'];
  limit?: Scalars['Int']['input'];
  to: Scalars['DateTimeISO']['input'];
};

export type QueryAlertRuleArgs = {
  id: Scalars['ID']['input'];
};

export type QueryAuditTrailArgs = {
  before?: InputMaybe<Scalars['DateTimeISO']['input']>;
  limit?: Scalars['Int']['input'];
};

export type QueryCollectorArgs = {
  id: Scalars['ID']['input'];
};

export type QueryCompareReportArgs = {
  input: CompareReportInput;
};

export type QueryDeviceSeriesArgs = {
  buckets?: InputMaybe<Scalars['Int']['input']>;
  collectorId: Scalars['ID']['input'];
  from: Scalars['DateTimeISO']['input'];
  kind: DeviceKind;
  to: Scalars['DateTimeISO']['input'];
};

export type QueryReportArgs = {
  chart?: InputMaybe<Scalars['String']['input']>;
  collectorId: Scalars['ID']['input'];
  format?: ReportFormat;
  from: Scalars['DateTimeISO']['input'];
  sections?: InputMaybe<Array<ReportSection>>;
  to: Scalars['DateTimeISO']['input'];
};

export type QueryReportArchiveArgs = {
  limit?: Scalars['Int']['input'];
  scheduleId?: InputMaybe<Scalars['ID']['input']>;
};

export type QueryReportArchiveDownloadArgs = {
  id: Scalars['ID']['input'];
};

export type QueryReportProfileArgs = {
  collectorId: Scalars['ID']['input'];
};

export type QueryReportRunsArgs = {
  limit?: Scalars['Int']['input'];
  scheduleId: Scalars['ID']['input'];
};

export type QuerySeriesArgs = {
  buckets?: InputMaybe<Scalars['Int']['input']>;
  collectorId: Scalars['ID']['input'];
  from: Scalars['DateTimeISO']['input'];
  group: MetricGroup;
  to: Scalars['DateTimeISO']['input'];
};

export type QuerySummaryArgs = {
  collectorId: Scalars['ID']['input'];
  from: Scalars['DateTimeISO']['input'];
  groups?: InputMaybe<Array<MetricGroup>>;
  to: Scalars['DateTimeISO']['input'];
};

export type QueryVerifyTokenArgs = {
  token: Scalars['String']['input'];
};

export type QueryWebhookDeliveriesArgs = {
  limit?: Scalars['Int']['input'];
  webhookId?: InputMaybe<Scalars['ID']['input']>;
};

export type RegisterCollectorInput = {
  hostname: Scalars['String']['input'];
  ip?: InputMaybe<Scalars['String']['input']>;
  /** Unique within the tenant: letters, digits, dot, dash, underscore, colon; 1–200. */
  machineId: Scalars['String']['input'];
  platform?: InputMaybe<Scalars['String']['input']>;
  site?: InputMaybe<Scalars['String']['input']>;
};

export type RegisterInput = {
  displayName: Scalars['String']['input'];
  email: Scalars['String']['input'];
  /** 12–256 characters mixing at least three of lower-case, upper-case, digits, symbols. */
  password: Scalars['String']['input'];
};

/** A rendered report of one collector over a time range. The document itself is not in the answer: download it from `downloadUrl` before `expiresAt` (the link is the capability: short-lived and unguessable). */
export type Report = {
  __typename?: 'Report';
  /** Size of the document in bytes. */
  bytes: Scalars['Int']['output'];
  /** The chart rendered when the format is SVG. */
  chart: Maybe<Scalars['String']['output']>;
  collector: Collector;
  /** Relative path of the document on the gateway, `/downloads/reports/<token>`. */
  downloadUrl: Scalars['String']['output'];
  /** When the download link stops working. */
  expiresAt: Scalars['DateTimeISO']['output'];
  format: ReportFormat;
  from: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  /** Points the report was built from. */
  points: Scalars['Int']['output'];
  /** Findings of the recommendation rules, most severe first, each citing its figure. */
  recommendations: Array<Scalars['String']['output']>;
  sections: Array<ReportSection>;
  to: Scalars['DateTimeISO']['output'];
};

/** A document a schedule rendered, kept in the archive until its retention ends: who, what and when. */
export type ReportArchiveEntry = {
  __typename?: 'ReportArchiveEntry';
  bytes: Scalars['Int']['output'];
  /** The collector a COLLECTOR report is about; null for a FLEET comparison. */
  collector: Maybe<Collector>;
  /** Every collector the document covers (one for a COLLECTOR report), in the schedule’s order. */
  collectors: Array<Collector>;
  /** When it was rendered. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Who: e-mail of the user who created the schedule. */
  createdBy: Maybe<Scalars['String']['output']>;
  /** When the retention purge deletes it. */
  expiresAt: Scalars['DateTimeISO']['output'];
  fileName: Scalars['String']['output'];
  format: ReportFormat;
  from: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  /** What: a collector report or a fleet comparison. */
  kind: ScheduledReportKind;
  /** Its machine id; null for a FLEET comparison. */
  machineId: Maybe<Scalars['String']['output']>;
  /** Their machine ids when rendered, in the same order. */
  machineIds: Array<Scalars['String']['output']>;
  points: Scalars['Int']['output'];
  runId: Maybe<Scalars['ID']['output']>;
  /** The schedule; null once it was deleted. */
  scheduleId: Maybe<Scalars['ID']['output']>;
  /** The schedule’s name when the document was rendered. */
  scheduleName: Scalars['String']['output'];
  to: Scalars['DateTimeISO']['output'];
};

/** A short-lived download link of one archived document. */
export type ReportArchiveLink = {
  __typename?: 'ReportArchiveLink';
  /** Relative path on the gateway, `/downloads/reports/<token>`; the token is the capability. */
  downloadUrl: Scalars['String']['output'];
  expiresAt: Scalars['DateTimeISO']['output'];
};

export type ReportFormat = 'HTML' | 'PDF' | 'SVG';

/** What the reports of one collector compare against (docs/report-profiles.md). */
export type ReportProfile = {
  __typename?: 'ReportProfile';
  collector: Collector;
  /** The values set; null fields keep their defaults. */
  settings: ReportProfileSettings;
  /** When an ADMIN last set the profile; null while it is all defaults. */
  updatedAt: Maybe<Scalars['DateTimeISO']['output']>;
};

export type ReportProfileInput = {
  /** CPU busy p95 above this, % (0–100), fires "CPU saturated". Default: 80. */
  cpuBusyP95Pct?: InputMaybe<Scalars['Float']['input']>;
  /** Logical CPUs (1–4096). Default: the number of per-CPU devices in the data. */
  cpuCount?: InputMaybe<Scalars['Int']['input']>;
  /** Sustained throughput of one disk device, MB/s. Default: 500 (a SATA SSD). */
  diskThroughputMbPerSec?: InputMaybe<Scalars['Float']['input']>;
  /** A disk device’s utilisation p95 above this, % (0–100). Default: 80. */
  diskUtilP95Pct?: InputMaybe<Scalars['Float']['input']>;
  /** iowait p95 above this, % (0–100). Default: 10. */
  iowaitP95Pct?: InputMaybe<Scalars['Float']['input']>;
  /** Load (5 min) p95 per CPU above this (0–100, not 0). Default: 1. */
  loadPerCoreP95?: InputMaybe<Scalars['Float']['input']>;
  /** Available memory p5 below this, % of total (0–100). Default: 10. */
  memoryAvailableP5Pct?: InputMaybe<Scalars['Float']['input']>;
  /** Physical memory, MB. Default: the largest mem_total_mb of the window. */
  memoryMb?: InputMaybe<Scalars['Float']['input']>;
  /** Interface errors over the window above this. Default: 0. */
  networkErrorCount?: InputMaybe<Scalars['Int']['input']>;
  /** Line rate of one interface in one direction, MB/s. Default: 125 (1 Gbit/s). */
  networkThroughputMbPerSec?: InputMaybe<Scalars['Float']['input']>;
  /** Steal p95 above this, % (0–100). Default: 5. */
  stealP95Pct?: InputMaybe<Scalars['Float']['input']>;
  /** Swap used p95 above this, MB, fires "swap in use". Default: 0. */
  swapUsedP95Mb?: InputMaybe<Scalars['Float']['input']>;
};

export type ReportProfileSettings = {
  __typename?: 'ReportProfileSettings';
  /** CPU busy p95 above this, % (0–100), fires "CPU saturated". Default: 80. */
  cpuBusyP95Pct: Maybe<Scalars['Float']['output']>;
  /** Logical CPUs (1–4096). Default: the number of per-CPU devices in the data. */
  cpuCount: Maybe<Scalars['Int']['output']>;
  /** Sustained throughput of one disk device, MB/s. Default: 500 (a SATA SSD). */
  diskThroughputMbPerSec: Maybe<Scalars['Float']['output']>;
  /** A disk device’s utilisation p95 above this, % (0–100). Default: 80. */
  diskUtilP95Pct: Maybe<Scalars['Float']['output']>;
  /** iowait p95 above this, % (0–100). Default: 10. */
  iowaitP95Pct: Maybe<Scalars['Float']['output']>;
  /** Load (5 min) p95 per CPU above this (0–100, not 0). Default: 1. */
  loadPerCoreP95: Maybe<Scalars['Float']['output']>;
  /** Available memory p5 below this, % of total (0–100). Default: 10. */
  memoryAvailableP5Pct: Maybe<Scalars['Float']['output']>;
  /** Physical memory, MB. Default: the largest mem_total_mb of the window. */
  memoryMb: Maybe<Scalars['Float']['output']>;
  /** Interface errors over the window above this. Default: 0. */
  networkErrorCount: Maybe<Scalars['Int']['output']>;
  /** Line rate of one interface in one direction, MB/s. Default: 125 (1 Gbit/s). */
  networkThroughputMbPerSec: Maybe<Scalars['Float']['output']>;
  /** Steal p95 above this, % (0–100). Default: 5. */
  stealP95Pct: Maybe<Scalars['Float']['output']>;
  /** Swap used p95 above this, MB, fires "swap in use". Default: 0. */
  swapUsedP95Mb: Maybe<Scalars['Float']['output']>;
};

/** One run of a schedule: what it covered and what became of it. */
export type ReportRun = {
  __typename?: 'ReportRun';
  attempts: Scalars['Int']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  finishedAt: Maybe<Scalars['DateTimeISO']['output']>;
  from: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  lastError: Maybe<Scalars['String']['output']>;
  /** Asked for with runReportSchedule rather than due by the cron. */
  manual: Scalars['Boolean']['output'];
  /** When the next attempt is due (PENDING and DELIVERING only). */
  nextAttemptAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** The runner instance that rendered the documents. */
  renderedBy: Maybe<Scalars['String']['output']>;
  scheduleId: Scalars['ID']['output'];
  /** The instant the run was due (or asked for, when manual). */
  scheduledFor: Scalars['DateTimeISO']['output'];
  /** PENDING (to render), DELIVERING (archived, delivery retrying), SUCCEEDED or FAILED (attempts exhausted). */
  status: Scalars['String']['output'];
  to: Scalars['DateTimeISO']['output'];
};

/** A report rendered on a cron schedule, archived and delivered by e-mail and/or signed webhooks. */
export type ReportSchedule = {
  __typename?: 'ReportSchedule';
  collectors: Array<Collector>;
  createdAt: Scalars['DateTimeISO']['output'];
  /** E-mail of the user who created the schedule. */
  createdBy: Maybe<Scalars['String']['output']>;
  /** Five-field cron expression: minute hour day-of-month month day-of-week. */
  cron: Scalars['String']['output'];
  /** HTML or PDF. */
  format: ReportFormat;
  id: Scalars['ID']['output'];
  kind: ScheduledReportKind;
  name: Scalars['String']['output'];
  /** The next scheduled run; null while paused. */
  nextRunAt: Maybe<Scalars['DateTimeISO']['output']>;
  paused: Scalars['Boolean']['output'];
  /** E-mail addresses the documents are sent to. */
  recipients: Array<Scalars['String']['output']>;
  /** IANA time zone the cron and the window are read in. */
  timeZone: Scalars['String']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
  /** Alert webhooks (signed) told about each archived run. */
  webhookIds: Array<Scalars['ID']['output']>;
  window: ReportScheduleWindow;
};

/** A new schedule. Collectors and webhooks must be your tenant’s. */
export type ReportScheduleInput = {
  collectorIds: Array<Scalars['ID']['input']>;
  cron: Scalars['String']['input'];
  format?: ReportFormat;
  kind?: ScheduledReportKind;
  name: Scalars['String']['input'];
  paused?: Scalars['Boolean']['input'];
  recipients?: Array<Scalars['String']['input']>;
  timeZone?: Scalars['String']['input'];
  webhookIds?: Array<Scalars['ID']['input']>;
  window: ReportScheduleWindow;
};

/** Changes to a schedule: fields left out keep their value. */
export type ReportScheduleUpdate = {
  collectorIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  cron?: InputMaybe<Scalars['String']['input']>;
  format?: InputMaybe<ReportFormat>;
  name?: InputMaybe<Scalars['String']['input']>;
  recipients?: InputMaybe<Array<Scalars['String']['input']>>;
  timeZone?: InputMaybe<Scalars['String']['input']>;
  webhookIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  window?: InputMaybe<ReportScheduleWindow>;
};

/** The hour, day or ISO week before the run's own, counted in the schedule's time zone. */
export type ReportScheduleWindow = 'PREVIOUS_DAY' | 'PREVIOUS_HOUR' | 'PREVIOUS_WEEK';

export type ReportSection = 'ALERTS' | 'CPU' | 'DISK' | 'MEMORY' | 'NETWORK' | 'PERCENTILES' | 'RADAR' | 'RECOMMENDATIONS' | 'SUMMARY';

export type ReportWindow = {
  __typename?: 'ReportWindow';
  from: Scalars['DateTimeISO']['output'];
  to: Scalars['DateTimeISO']['output'];
};

export type ReportWindowInput = {
  /** Start, inclusive. */
  from: Scalars['DateTimeISO']['input'];
  /** End, exclusive. */
  to: Scalars['DateTimeISO']['input'];
};

/** Role within one tenant: ADMIN ⊇ ANALYST ⊇ VIEWER. */
export type Role = 'ADMIN' | 'ANALYST' | 'VIEWER';

export type RoleGrant = {
  __typename?: 'RoleGrant';
  /** Set when an invitation was sent (or renewed). */
  invitation: Maybe<Invitation>;
  /** Set when the role of a member changed. */
  membership: Maybe<Membership>;
  outcome: RoleGrantOutcome;
};

/** ROLE_CHANGED: the e-mail's account is a member and now holds the role; INVITED: anyone else was invited. */
export type RoleGrantOutcome = 'INVITED' | 'ROLE_CHANGED';

/** COLLECTOR: the single-collector report of `Query.report`, one document per collector. FLEET: the fleet comparison of `Query.compareReport` over all the collectors, one document per run. */
export type ScheduledReportKind = 'COLLECTOR' | 'FLEET';

/** Metrics of one group bucketed server-side (min/avg/max per bucket). */
export type Series = {
  __typename?: 'Series';
  /** Width of every bucket: a nice step (1 s … 1 day, then whole days). */
  bucketSeconds: Scalars['Int']['output'];
  collectorId: Scalars['ID']['output'];
  /** Start of the first bucket: the asked `from` rounded down to a bucket boundary. */
  from: Scalars['DateTimeISO']['output'];
  group: MetricGroup;
  metrics: Array<MetricSeries>;
  source: SeriesSource;
  /** Start of each bucket, every bucket of the range, oldest first. */
  timestamps: Array<Scalars['DateTimeISO']['output']>;
  /** End of the last bucket (exclusive): the asked `to` rounded up to a bucket boundary. */
  to: Scalars['DateTimeISO']['output'];
};

/** RAW points (buckets under a minute), MINUTE rollups (whole minutes) or HOUR rollups (whole hours). */
export type SeriesSource = 'HOUR' | 'MINUTE' | 'RAW';

export type SilenceInput = {
  /** Omitted: every collector. */
  collectorId?: InputMaybe<Scalars['ID']['input']>;
  comment?: InputMaybe<Scalars['String']['input']>;
  endsAt: Scalars['DateTimeISO']['input'];
  /** Omitted: every rule. */
  ruleId?: InputMaybe<Scalars['ID']['input']>;
  /** Default: now. */
  startsAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Lifecycle steps of your tenant's alerts as they happen (PENDING, FIRING, RESOLVED, ACKNOWLEDGED). */
  alertEvents: AlertEvent;
  /** Points of your tenant as they are stored: one event per point. With `since`, the stored points after it come first (at most LIVE_REPLAY_MAX_AGE back and LIVE_REPLAY_MAX_POINTS points), then the live ones, with no gap and no duplicate. Metrics outside `groups` are null. Each event carries `extensions.resumeFrom`: resubscribe with `since` set to it to miss nothing. */
  livePoints: MetricPoint;
};

export type SubscriptionLivePointsArgs = {
  collectorIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  groups?: InputMaybe<Array<MetricGroup>>;
  since?: InputMaybe<Scalars['DateTimeISO']['input']>;
};

/** A customer organisation; all its data lives in its own PostgreSQL schema. */
export type Tenant = {
  __typename?: 'Tenant';
  active: Scalars['Boolean']['output'];
  createdOn: Scalars['DateTimeISO']['output'];
  domains: Array<Domain>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  paidUntil: Maybe<Scalars['DateTimeISO']['output']>;
  /** Metric points older than this many days are dropped. */
  retentionDays: Scalars['Int']['output'];
  slug: Scalars['String']['output'];
};

export type TokenInfo = {
  __typename?: 'TokenInfo';
  expiresAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Why the token is not valid. */
  reason: Maybe<Scalars['String']['output']>;
  role: Maybe<Role>;
  tenantId: Maybe<Scalars['ID']['output']>;
  userId: Maybe<Scalars['ID']['output']>;
  valid: Scalars['Boolean']['output'];
};

/** What was stored of a trickled batch. */
export type TrickleAck = {
  __typename?: 'TrickleAck';
  /** Points stored now. */
  accepted: Scalars['Int']['output'];
  /** Points already stored earlier (a replay): skipped, harmless. */
  duplicates: Scalars['Int']['output'];
  from: Maybe<Scalars['DateTimeISO']['output']>;
  to: Maybe<Scalars['DateTimeISO']['output']>;
};

export type UpdateCollectorInput = {
  hostname?: InputMaybe<Scalars['String']['input']>;
  ip?: InputMaybe<Scalars['String']['input']>;
  platform?: InputMaybe<Scalars['String']['input']>;
  site?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateTenantInput = {
  name?: InputMaybe<Scalars['String']['input']>;
  /** Refused (FORBIDDEN): the operator sets it with `npm run admin -- set-paid-until`. */
  paidUntil?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Refused (FORBIDDEN): the operator sets it with `npm run admin -- set-retention`. */
  retentionDays?: InputMaybe<Scalars['Int']['input']>;
};

/** What a CSV upload stored: all rows of the file, or none. */
export type UploadResult = {
  __typename?: 'UploadResult';
  /** Rows already stored (same machine and timestamp): skipped. */
  duplicatesSkipped: Scalars['Int']['output'];
  /** Earliest timestamp in the file. */
  from: Maybe<Scalars['DateTimeISO']['output']>;
  /** Columns not part of any dialect: ignored, never fatal. */
  ignoredColumns: Array<Scalars['String']['output']>;
  /** Machine ids the file carried. */
  machines: Array<Scalars['String']['output']>;
  /** Valid data rows read from the file. */
  rowsProcessed: Scalars['Int']['output'];
  /** Latest timestamp in the file. */
  to: Maybe<Scalars['DateTimeISO']['output']>;
};

/** A person who logs in; roles are held per tenant. */
export type User = {
  __typename?: 'User';
  createdAt: Scalars['DateTimeISO']['output'];
  displayName: Scalars['String']['output'];
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
};

/** An HTTP endpoint receiving signed alert notifications. */
export type Webhook = {
  __typename?: 'Webhook';
  createdAt: Scalars['DateTimeISO']['output'];
  enabled: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  url: Scalars['String']['output'];
};

/** One notification to one webhook and what became of it. */
export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  alertId: Maybe<Scalars['ID']['output']>;
  attempts: Scalars['Int']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  deliveredAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** FIRING, RESOLVED or TEST. */
  event: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  lastError: Maybe<Scalars['String']['output']>;
  lastStatusCode: Maybe<Scalars['Int']['output']>;
  /** When the next attempt is due (PENDING only). */
  nextAttemptAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** PENDING (will be retried), DELIVERED or FAILED (attempts exhausted). */
  status: Scalars['String']['output'];
  webhookId: Scalars['ID']['output'];
};

export type WebhookInput = {
  /** At least 16 characters; omitted: one is generated (256 bits). */
  secret?: InputMaybe<Scalars['String']['input']>;
  /** http(s) URL; hosts resolving to loopback, private or link-local addresses are refused. */
  url: Scalars['String']['input'];
};

export type AlertRuleFieldsFragment = {
  __typename?: 'AlertRule';
  id: string;
  name: string;
  metric: string;
  kind: AlertRuleKind;
  op: ComparisonOp | null;
  threshold: number | null;
  windowSeconds: number;
  zScore: number | null;
  warmupPoints: number;
  silentSeconds: number | null;
  forSeconds: number;
  severity: AlertSeverity;
  summary: string;
  enabled: boolean;
  createdAt: string;
  collectors: Array<{ __typename?: 'Collector'; id: string }> | null;
};

export type AlertFieldsFragment = {
  __typename?: 'Alert';
  id: string;
  ruleId: string;
  ruleName: string;
  status: AlertStatus;
  severity: AlertSeverity;
  summary: string;
  pendingAt: string;
  firedAt: string | null;
  resolvedAt: string | null;
  firedValue: number | null;
  resolvedValue: number | null;
  silenced: boolean;
  acknowledgedAt: string | null;
  collector: { __typename?: 'Collector'; id: string };
};

export type AlertRulesQueryVariables = Exact<{ [key: string]: never }>;

export type AlertRulesQuery = {
  __typename?: 'Query';
  alertRules: Array<{
    __typename?: 'AlertRule';
    id: string;
    name: string;
    metric: string;
    kind: AlertRuleKind;
    op: ComparisonOp | null;
    threshold: number | null;
    windowSeconds: number;
    zScore: number | null;
    warmupPoints: number;
    silentSeconds: number | null;
    forSeconds: number;
    severity: AlertSeverity;
    summary: string;
    enabled: boolean;
    createdAt: string;
    collectors: Array<{ __typename?: 'Collector'; id: string }> | null;
  }>;
};

export type CreateAlertRuleMutationVariables = Exact<{
  input: AlertRuleInput;
}>;

export type CreateAlertRuleMutation = {
  __typename?: 'Mutation';
  createAlertRule: {
    __typename?: 'AlertRule';
    id: string;
    name: string;
    metric: string;
    kind: AlertRuleKind;
    op: ComparisonOp | null;
    threshold: number | null;
    windowSeconds: number;
    zScore: number | null;
    warmupPoints: number;
    silentSeconds: number | null;
    forSeconds: number;
    severity: AlertSeverity;
    summary: string;
    enabled: boolean;
    createdAt: string;
    collectors: Array<{ __typename?: 'Collector'; id: string }> | null;
  };
};

export type UpdateAlertRuleMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: AlertRuleInput;
}>;

export type UpdateAlertRuleMutation = {
  __typename?: 'Mutation';
  updateAlertRule: {
    __typename?: 'AlertRule';
    id: string;
    name: string;
    metric: string;
    kind: AlertRuleKind;
    op: ComparisonOp | null;
    threshold: number | null;
    windowSeconds: number;
    zScore: number | null;
    warmupPoints: number;
    silentSeconds: number | null;
    forSeconds: number;
    severity: AlertSeverity;
    summary: string;
    enabled: boolean;
    createdAt: string;
    collectors: Array<{ __typename?: 'Collector'; id: string }> | null;
  };
};

export type DeleteAlertRuleMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type DeleteAlertRuleMutation = { __typename?: 'Mutation'; deleteAlertRule: boolean };

export type ActiveAlertsQueryVariables = Exact<{ [key: string]: never }>;

export type ActiveAlertsQuery = {
  __typename?: 'Query';
  activeAlerts: Array<{
    __typename?: 'Alert';
    id: string;
    ruleId: string;
    ruleName: string;
    status: AlertStatus;
    severity: AlertSeverity;
    summary: string;
    pendingAt: string;
    firedAt: string | null;
    resolvedAt: string | null;
    firedValue: number | null;
    resolvedValue: number | null;
    silenced: boolean;
    acknowledgedAt: string | null;
    collector: { __typename?: 'Collector'; id: string };
  }>;
};

export type FiringAlertsPanelQueryVariables = Exact<{ [key: string]: never }>;

export type FiringAlertsPanelQuery = {
  __typename?: 'Query';
  activeAlerts: Array<{
    __typename?: 'Alert';
    id: string;
    ruleId: string;
    ruleName: string;
    status: AlertStatus;
    severity: AlertSeverity;
    summary: string;
    pendingAt: string;
    firedAt: string | null;
    resolvedAt: string | null;
    firedValue: number | null;
    resolvedValue: number | null;
    silenced: boolean;
    acknowledgedAt: string | null;
    collector: { __typename?: 'Collector'; id: string; hostname: string };
  }>;
};

export type AlertHistoryQueryVariables = Exact<{
  from: Scalars['DateTimeISO']['input'];
  to: Scalars['DateTimeISO']['input'];
  limit?: InputMaybe<Scalars['Int']['input']>;
}>;

export type AlertHistoryQuery = {
  __typename?: 'Query';
  alertHistory: Array<{
    __typename?: 'Alert';
    id: string;
    ruleId: string;
    ruleName: string;
    status: AlertStatus;
    severity: AlertSeverity;
    summary: string;
    pendingAt: string;
    firedAt: string | null;
    resolvedAt: string | null;
    firedValue: number | null;
    resolvedValue: number | null;
    silenced: boolean;
    acknowledgedAt: string | null;
    collector: { __typename?: 'Collector'; id: string };
  }>;
};

export type AcknowledgeAlertMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type AcknowledgeAlertMutation = {
  __typename?: 'Mutation';
  acknowledgeAlert: {
    __typename?: 'Alert';
    id: string;
    ruleId: string;
    ruleName: string;
    status: AlertStatus;
    severity: AlertSeverity;
    summary: string;
    pendingAt: string;
    firedAt: string | null;
    resolvedAt: string | null;
    firedValue: number | null;
    resolvedValue: number | null;
    silenced: boolean;
    acknowledgedAt: string | null;
    collector: { __typename?: 'Collector'; id: string };
  };
};

export type SilenceAlertsMutationVariables = Exact<{
  input: SilenceInput;
}>;

export type SilenceAlertsMutation = {
  __typename?: 'Mutation';
  silenceAlerts: {
    __typename?: 'AlertSilence';
    id: string;
    ruleId: string | null;
    startsAt: string;
    endsAt: string;
    comment: string | null;
    collector: { __typename?: 'Collector'; id: string } | null;
  };
};

export type AlertSilencesQueryVariables = Exact<{ [key: string]: never }>;

export type AlertSilencesQuery = {
  __typename?: 'Query';
  alertSilences: Array<{
    __typename?: 'AlertSilence';
    id: string;
    ruleId: string | null;
    startsAt: string;
    endsAt: string;
    comment: string | null;
  }>;
};

export type AlertWebhooksQueryVariables = Exact<{ [key: string]: never }>;

export type AlertWebhooksQuery = {
  __typename?: 'Query';
  alertWebhooks: Array<{ __typename?: 'Webhook'; id: string; url: string; enabled: boolean; createdAt: string }>;
};

export type CreateAlertWebhookMutationVariables = Exact<{
  input: WebhookInput;
}>;

export type CreateAlertWebhookMutation = {
  __typename?: 'Mutation';
  createAlertWebhook: {
    __typename?: 'CreatedWebhook';
    secret: string;
    webhook: { __typename?: 'Webhook'; id: string; url: string; enabled: boolean; createdAt: string };
  };
};

export type DeleteAlertWebhookMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type DeleteAlertWebhookMutation = { __typename?: 'Mutation'; deleteAlertWebhook: boolean };

export type WebhookDeliveryFieldsFragment = {
  __typename?: 'WebhookDelivery';
  id: string;
  webhookId: string;
  alertId: string | null;
  event: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
};

export type TestAlertWebhookMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type TestAlertWebhookMutation = {
  __typename?: 'Mutation';
  testAlertWebhook: {
    __typename?: 'WebhookDelivery';
    id: string;
    webhookId: string;
    alertId: string | null;
    event: string;
    status: string;
    attempts: number;
    lastStatusCode: number | null;
    lastError: string | null;
    createdAt: string;
    deliveredAt: string | null;
    nextAttemptAt: string | null;
  };
};

export type WebhookDeliveriesQueryVariables = Exact<{
  webhookId?: InputMaybe<Scalars['ID']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
}>;

export type WebhookDeliveriesQuery = {
  __typename?: 'Query';
  webhookDeliveries: Array<{
    __typename?: 'WebhookDelivery';
    id: string;
    webhookId: string;
    alertId: string | null;
    event: string;
    status: string;
    attempts: number;
    lastStatusCode: number | null;
    lastError: string | null;
    createdAt: string;
    deliveredAt: string | null;
    nextAttemptAt: string | null;
  }>;
};

export type AlertEventsSubscriptionVariables = Exact<{ [key: string]: never }>;

export type AlertEventsSubscription = {
  __typename?: 'Subscription';
  alertEvents: {
    __typename?: 'AlertEvent';
    event: string;
    alertId: string | null;
    ruleId: string | null;
    ruleName: string | null;
    severity: AlertSeverity | null;
    summary: string;
    value: number | null;
    at: string;
    silenced: boolean;
    collector: { __typename?: 'Collector'; id: string } | null;
  };
};

export type CollectorsQueryVariables = Exact<{ [key: string]: never }>;

export type CollectorsQuery = {
  __typename?: 'Query';
  collectors: Array<{
    __typename?: 'Collector';
    id: string;
    machineId: string;
    hostname: string;
    ip: string | null;
    platform: string | null;
    site: string | null;
    active: boolean;
    createdAt: string;
    lastSeen: string | null;
    status: CollectorStatus;
  }>;
};

export type CollectorQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type CollectorQuery = {
  __typename?: 'Query';
  collector: {
    __typename?: 'Collector';
    id: string;
    machineId: string;
    hostname: string;
    ip: string | null;
    platform: string | null;
    site: string | null;
    active: boolean;
    createdAt: string;
    lastSeen: string | null;
    status: CollectorStatus;
  } | null;
};

export type CollectorsOverviewQueryVariables = Exact<{ [key: string]: never }>;

export type CollectorsOverviewQuery = {
  __typename?: 'Query';
  collectors: Array<{
    __typename?: 'Collector';
    id: string;
    machineId: string;
    hostname: string;
    ip: string | null;
    platform: string | null;
    site: string | null;
    active: boolean;
    createdAt: string;
    lastSeen: string | null;
    status: CollectorStatus;
    tenant: { __typename?: 'Tenant'; slug: string; name: string };
    latestPoint: {
      __typename?: 'MetricPoint';
      timestamp: string;
      cpuUser: number | null;
      cpuSystem: number | null;
      memUsedMb: number | null;
    } | null;
  }>;
};

export type RegisterCollectorMutationVariables = Exact<{
  input: RegisterCollectorInput;
}>;

export type RegisterCollectorMutation = {
  __typename?: 'Mutation';
  registerCollector: {
    __typename?: 'CollectorWithKey';
    apiKey: string;
    previousKeyExpiresAt: string | null;
    collector: {
      __typename?: 'Collector';
      id: string;
      machineId: string;
      hostname: string;
      ip: string | null;
      platform: string | null;
      site: string | null;
      active: boolean;
      createdAt: string;
      lastSeen: string | null;
      status: CollectorStatus;
    };
  };
};

export type UpdateCollectorMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateCollectorInput;
}>;

export type UpdateCollectorMutation = {
  __typename?: 'Mutation';
  updateCollector: {
    __typename?: 'Collector';
    id: string;
    machineId: string;
    hostname: string;
    ip: string | null;
    platform: string | null;
    site: string | null;
    active: boolean;
    createdAt: string;
    lastSeen: string | null;
    status: CollectorStatus;
  };
};

export type SetCollectorActiveMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  active: Scalars['Boolean']['input'];
}>;

export type SetCollectorActiveMutation = {
  __typename?: 'Mutation';
  setCollectorActive: {
    __typename?: 'Collector';
    id: string;
    machineId: string;
    hostname: string;
    ip: string | null;
    platform: string | null;
    site: string | null;
    active: boolean;
    createdAt: string;
    lastSeen: string | null;
    status: CollectorStatus;
  };
};

export type RotateApiKeyMutationVariables = Exact<{
  collectorId: Scalars['ID']['input'];
}>;

export type RotateApiKeyMutation = {
  __typename?: 'Mutation';
  rotateApiKey: { __typename?: 'CollectorWithKey'; apiKey: string; previousKeyExpiresAt: string | null };
};

export type RevokeApiKeysMutationVariables = Exact<{
  collectorId: Scalars['ID']['input'];
}>;

export type RevokeApiKeysMutation = { __typename?: 'Mutation'; revokeApiKeys: boolean };

export type CollectorFieldsFragment = {
  __typename?: 'Collector';
  id: string;
  machineId: string;
  hostname: string;
  ip: string | null;
  platform: string | null;
  site: string | null;
  active: boolean;
  createdAt: string;
  lastSeen: string | null;
  status: CollectorStatus;
};

export type SetApiKeyScopesMutationVariables = Exact<{
  collectorId: Scalars['ID']['input'];
  scopes: Array<ApiKeyScope> | ApiKeyScope;
}>;

export type SetApiKeyScopesMutation = { __typename?: 'Mutation'; setApiKeyScopes: boolean };

export type DashboardCollectorsQueryVariables = Exact<{ [key: string]: never }>;

export type DashboardCollectorsQuery = {
  __typename?: 'Query';
  collectors: Array<{
    __typename?: 'Collector';
    id: string;
    machineId: string;
    hostname: string;
    ip: string | null;
    platform: string | null;
    site: string | null;
    active: boolean;
    createdAt: string;
    lastSeen: string | null;
    status: CollectorStatus;
    latestPoint: {
      __typename?: 'MetricPoint';
      timestamp: string;
      cpuUser: number | null;
      cpuSystem: number | null;
      cpuIowait: number | null;
      cpuSteal: number | null;
      memUsedMb: number | null;
      memTotalMb: number | null;
    } | null;
  }>;
};

export type DashboardCollectorQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type DashboardCollectorQuery = {
  __typename?: 'Query';
  collector: {
    __typename?: 'Collector';
    id: string;
    machineId: string;
    hostname: string;
    ip: string | null;
    platform: string | null;
    site: string | null;
    active: boolean;
    createdAt: string;
    lastSeen: string | null;
    status: CollectorStatus;
    latestPoint: { __typename?: 'MetricPoint'; timestamp: string } | null;
  } | null;
};

export type DashboardLivePointsSubscriptionVariables = Exact<{
  collectorIds?: InputMaybe<Array<Scalars['ID']['input']> | Scalars['ID']['input']>;
  groups?: InputMaybe<Array<MetricGroup> | MetricGroup>;
  since?: InputMaybe<Scalars['DateTimeISO']['input']>;
}>;

export type DashboardLivePointsSubscription = {
  __typename?: 'Subscription';
  livePoints: {
    __typename?: 'MetricPoint';
    timestamp: string;
    cpuUser: number | null;
    cpuSystem: number | null;
    cpuIowait: number | null;
    cpuSteal: number | null;
    memTotalMb: number | null;
    memUsedMb: number | null;
    memCachedMb: number | null;
    memBuffersMb: number | null;
    swapUsedMb: number | null;
  };
};

export type RegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;

export type RegisterMutation = { __typename?: 'Mutation'; register: boolean };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;

export type LoginMutation = {
  __typename?: 'Mutation';
  login: {
    __typename?: 'AuthPayload';
    accessToken: string;
    refreshToken: string;
    accessTokenExpiresAt: string;
    role: Role | null;
    user: { __typename?: 'User'; id: string; email: string; displayName: string };
    tenant: { __typename?: 'Tenant'; id: string; slug: string; name: string } | null;
  };
};

export type RefreshSessionMutationVariables = Exact<{
  refreshToken: Scalars['String']['input'];
}>;

export type RefreshSessionMutation = {
  __typename?: 'Mutation';
  refresh: {
    __typename?: 'AuthPayload';
    accessToken: string;
    refreshToken: string;
    accessTokenExpiresAt: string;
    role: Role | null;
    user: { __typename?: 'User'; id: string; email: string; displayName: string };
    tenant: { __typename?: 'Tenant'; id: string; slug: string; name: string } | null;
  };
};

export type LogoutMutationVariables = Exact<{ [key: string]: never }>;

export type LogoutMutation = { __typename?: 'Mutation'; logout: boolean };

export type ChangePasswordMutationVariables = Exact<{
  oldPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
}>;

export type ChangePasswordMutation = { __typename?: 'Mutation'; changePassword: boolean };

export type SwitchTenantMutationVariables = Exact<{
  tenant: Scalars['String']['input'];
}>;

export type SwitchTenantMutation = {
  __typename?: 'Mutation';
  switchTenant: {
    __typename?: 'AuthPayload';
    accessToken: string;
    refreshToken: string;
    accessTokenExpiresAt: string;
    role: Role | null;
    user: { __typename?: 'User'; id: string; email: string; displayName: string };
    tenant: { __typename?: 'Tenant'; id: string; slug: string; name: string } | null;
  };
};

export type MeQueryVariables = Exact<{ [key: string]: never }>;

export type MeQuery = { __typename?: 'Query'; me: { __typename?: 'User'; id: string; email: string; displayName: string } };

export type VerifyTokenQueryVariables = Exact<{
  token: Scalars['String']['input'];
}>;

export type VerifyTokenQuery = {
  __typename?: 'Query';
  verifyToken: {
    __typename?: 'TokenInfo';
    valid: boolean;
    reason: string | null;
    userId: string | null;
    tenantId: string | null;
    role: Role | null;
    expiresAt: string | null;
  };
};

export type SessionFragment = {
  __typename?: 'AuthPayload';
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: string;
  role: Role | null;
  user: { __typename?: 'User'; id: string; email: string; displayName: string };
  tenant: { __typename?: 'Tenant'; id: string; slug: string; name: string } | null;
};

export type LivePointsSubscriptionVariables = Exact<{
  collectorIds?: InputMaybe<Array<Scalars['ID']['input']> | Scalars['ID']['input']>;
  groups?: InputMaybe<Array<MetricGroup> | MetricGroup>;
  since?: InputMaybe<Scalars['DateTimeISO']['input']>;
}>;

export type LivePointsSubscription = {
  __typename?: 'Subscription';
  livePoints: {
    __typename?: 'MetricPoint';
    timestamp: string;
    cpuUser: number | null;
    cpuSystem: number | null;
    cpuIowait: number | null;
    cpuSteal: number | null;
    memUsedMb: number | null;
    memTotalMb: number | null;
    memCachedMb: number | null;
    memBuffersMb: number | null;
    collector: { __typename?: 'Collector'; id: string; hostname: string };
  };
};

export type LivePointsLeanSubscriptionVariables = Exact<{
  collectorIds?: InputMaybe<Array<Scalars['ID']['input']> | Scalars['ID']['input']>;
  groups?: InputMaybe<Array<MetricGroup> | MetricGroup>;
  since?: InputMaybe<Scalars['DateTimeISO']['input']>;
}>;

export type LivePointsLeanSubscription = {
  __typename?: 'Subscription';
  livePoints: {
    __typename?: 'MetricPoint';
    timestamp: string;
    cpuUser: number | null;
    memUsedMb: number | null;
    collector: { __typename?: 'Collector'; id: string };
  };
};

export type SeriesQueryVariables = Exact<{
  collectorId: Scalars['ID']['input'];
  group: MetricGroup;
  from: Scalars['DateTimeISO']['input'];
  to: Scalars['DateTimeISO']['input'];
  buckets?: InputMaybe<Scalars['Int']['input']>;
}>;

export type SeriesQuery = {
  __typename?: 'Query';
  series: {
    __typename?: 'Series';
    collectorId: string;
    group: MetricGroup;
    from: string;
    to: string;
    bucketSeconds: number;
    source: SeriesSource;
    timestamps: Array<string>;
    metrics: Array<{
      __typename?: 'MetricSeries';
      metric: string;
      unit: string;
      min: Array<number | null>;
      avg: Array<number | null>;
      max: Array<number | null>;
    }>;
  };
};

export type SummaryQueryVariables = Exact<{
  collectorId: Scalars['ID']['input'];
  from: Scalars['DateTimeISO']['input'];
  to: Scalars['DateTimeISO']['input'];
  groups?: InputMaybe<Array<MetricGroup> | MetricGroup>;
}>;

export type SummaryQuery = {
  __typename?: 'Query';
  summary: Array<{
    __typename?: 'MetricSummary';
    metric: string;
    unit: string;
    count: number;
    min: number | null;
    mean: number | null;
    max: number | null;
    p95: number | null;
    p975: number | null;
    p99: number | null;
    p100: number | null;
  }>;
};

export type DeviceSeriesQueryVariables = Exact<{
  collectorId: Scalars['ID']['input'];
  kind: DeviceKind;
  from: Scalars['DateTimeISO']['input'];
  to: Scalars['DateTimeISO']['input'];
  buckets?: InputMaybe<Scalars['Int']['input']>;
}>;

export type DeviceSeriesQuery = {
  __typename?: 'Query';
  deviceSeries: Array<{
    __typename?: 'DeviceSeries';
    kind: DeviceKind;
    device: string;
    timestamps: Array<string>;
    metrics: Array<{
      __typename?: 'MetricSeries';
      metric: string;
      unit: string;
      min: Array<number | null>;
      avg: Array<number | null>;
      max: Array<number | null>;
    }>;
  }>;
};

export type MetricSeriesFieldsFragment = {
  __typename?: 'MetricSeries';
  metric: string;
  unit: string;
  min: Array<number | null>;
  avg: Array<number | null>;
  max: Array<number | null>;
};

export type TricklePointsMutationVariables = Exact<{
  points: Array<MetricPointInput> | MetricPointInput;
}>;

export type TricklePointsMutation = {
  __typename?: 'Mutation';
  tricklePoints: { __typename?: 'TrickleAck'; accepted: number; duplicates: number; from: string | null; to: string | null };
};

export type UploadMetricsMutationVariables = Exact<{
  file: Scalars['Upload']['input'];
  machineId?: InputMaybe<Scalars['String']['input']>;
}>;

export type UploadMetricsMutation = {
  __typename?: 'Mutation';
  uploadMetrics: {
    __typename?: 'UploadResult';
    rowsProcessed: number;
    duplicatesSkipped: number;
    from: string | null;
    to: string | null;
    machines: Array<string>;
    ignoredColumns: Array<string>;
  };
};

export type ReportScheduleFieldsFragment = {
  __typename?: 'ReportSchedule';
  id: string;
  name: string;
  cron: string;
  timeZone: string;
  kind: ScheduledReportKind;
  format: ReportFormat;
  window: ReportScheduleWindow;
  recipients: Array<string>;
  webhookIds: Array<string>;
  paused: boolean;
  nextRunAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  collectors: Array<{ __typename?: 'Collector'; id: string }>;
};

export type ReportRunFieldsFragment = {
  __typename?: 'ReportRun';
  id: string;
  scheduleId: string;
  scheduledFor: string;
  from: string;
  to: string;
  manual: boolean;
  status: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  renderedBy: string | null;
  createdAt: string;
  finishedAt: string | null;
};

export type ReportSchedulesQueryVariables = Exact<{ [key: string]: never }>;

export type ReportSchedulesQuery = {
  __typename?: 'Query';
  reportSchedules: Array<{
    __typename?: 'ReportSchedule';
    id: string;
    name: string;
    cron: string;
    timeZone: string;
    kind: ScheduledReportKind;
    format: ReportFormat;
    window: ReportScheduleWindow;
    recipients: Array<string>;
    webhookIds: Array<string>;
    paused: boolean;
    nextRunAt: string | null;
    createdBy: string | null;
    createdAt: string;
    updatedAt: string;
    collectors: Array<{ __typename?: 'Collector'; id: string }>;
  }>;
};

export type ReportRunsQueryVariables = Exact<{
  scheduleId: Scalars['ID']['input'];
  limit?: InputMaybe<Scalars['Int']['input']>;
}>;

export type ReportRunsQuery = {
  __typename?: 'Query';
  reportRuns: Array<{
    __typename?: 'ReportRun';
    id: string;
    scheduleId: string;
    scheduledFor: string;
    from: string;
    to: string;
    manual: boolean;
    status: string;
    attempts: number;
    lastError: string | null;
    nextAttemptAt: string | null;
    renderedBy: string | null;
    createdAt: string;
    finishedAt: string | null;
  }>;
};

export type CreateReportScheduleMutationVariables = Exact<{
  input: ReportScheduleInput;
}>;

export type CreateReportScheduleMutation = {
  __typename?: 'Mutation';
  createReportSchedule: {
    __typename?: 'ReportSchedule';
    id: string;
    name: string;
    cron: string;
    timeZone: string;
    kind: ScheduledReportKind;
    format: ReportFormat;
    window: ReportScheduleWindow;
    recipients: Array<string>;
    webhookIds: Array<string>;
    paused: boolean;
    nextRunAt: string | null;
    createdBy: string | null;
    createdAt: string;
    updatedAt: string;
    collectors: Array<{ __typename?: 'Collector'; id: string }>;
  };
};

export type UpdateReportScheduleMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: ReportScheduleUpdate;
}>;

export type UpdateReportScheduleMutation = {
  __typename?: 'Mutation';
  updateReportSchedule: {
    __typename?: 'ReportSchedule';
    id: string;
    name: string;
    cron: string;
    timeZone: string;
    kind: ScheduledReportKind;
    format: ReportFormat;
    window: ReportScheduleWindow;
    recipients: Array<string>;
    webhookIds: Array<string>;
    paused: boolean;
    nextRunAt: string | null;
    createdBy: string | null;
    createdAt: string;
    updatedAt: string;
    collectors: Array<{ __typename?: 'Collector'; id: string }>;
  };
};

export type DeleteReportScheduleMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type DeleteReportScheduleMutation = { __typename?: 'Mutation'; deleteReportSchedule: boolean };

export type PauseReportScheduleMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  paused?: InputMaybe<Scalars['Boolean']['input']>;
}>;

export type PauseReportScheduleMutation = {
  __typename?: 'Mutation';
  pauseReportSchedule: {
    __typename?: 'ReportSchedule';
    id: string;
    name: string;
    cron: string;
    timeZone: string;
    kind: ScheduledReportKind;
    format: ReportFormat;
    window: ReportScheduleWindow;
    recipients: Array<string>;
    webhookIds: Array<string>;
    paused: boolean;
    nextRunAt: string | null;
    createdBy: string | null;
    createdAt: string;
    updatedAt: string;
    collectors: Array<{ __typename?: 'Collector'; id: string }>;
  };
};

export type RunReportScheduleMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type RunReportScheduleMutation = {
  __typename?: 'Mutation';
  runReportSchedule: {
    __typename?: 'ReportRun';
    id: string;
    scheduleId: string;
    scheduledFor: string;
    from: string;
    to: string;
    manual: boolean;
    status: string;
    attempts: number;
    lastError: string | null;
    nextAttemptAt: string | null;
    renderedBy: string | null;
    createdAt: string;
    finishedAt: string | null;
  };
};

export type ReportArchiveQueryVariables = Exact<{
  scheduleId?: InputMaybe<Scalars['ID']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
}>;

export type ReportArchiveQuery = {
  __typename?: 'Query';
  reportArchive: Array<{
    __typename?: 'ReportArchiveEntry';
    id: string;
    scheduleId: string | null;
    scheduleName: string;
    runId: string | null;
    createdBy: string | null;
    kind: ScheduledReportKind;
    machineId: string | null;
    machineIds: Array<string>;
    format: ReportFormat;
    fileName: string;
    from: string;
    to: string;
    points: number;
    bytes: number;
    createdAt: string;
    expiresAt: string;
    collector: { __typename?: 'Collector'; id: string } | null;
    collectors: Array<{ __typename?: 'Collector'; id: string }>;
  }>;
};

export type ReportArchiveDownloadQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type ReportArchiveDownloadQuery = {
  __typename?: 'Query';
  reportArchiveDownload: { __typename?: 'ReportArchiveLink'; downloadUrl: string; expiresAt: string };
};

export type ReportSectionsQueryVariables = Exact<{ [key: string]: never }>;

export type ReportSectionsQuery = { __typename?: 'Query'; reportSections: Array<ReportSection> };

export type ReportQueryVariables = Exact<{
  collectorId: Scalars['ID']['input'];
  from: Scalars['DateTimeISO']['input'];
  to: Scalars['DateTimeISO']['input'];
  sections?: InputMaybe<Array<ReportSection> | ReportSection>;
  format?: InputMaybe<ReportFormat>;
  chart?: InputMaybe<Scalars['String']['input']>;
}>;

export type ReportQuery = {
  __typename?: 'Query';
  report: {
    __typename?: 'Report';
    id: string;
    from: string;
    to: string;
    format: ReportFormat;
    sections: Array<ReportSection>;
    chart: string | null;
    downloadUrl: string;
    expiresAt: string;
    bytes: number;
    points: number;
    recommendations: Array<string>;
    collector: { __typename?: 'Collector'; id: string };
  };
};

export type CompareReportQueryVariables = Exact<{
  input: CompareReportInput;
}>;

export type CompareReportQuery = {
  __typename?: 'Query';
  compareReport: {
    __typename?: 'ComparisonReport';
    id: string;
    kind: ComparisonKind;
    format: ReportFormat;
    downloadUrl: string;
    expiresAt: string;
    bytes: number;
    points: number;
    collectors: Array<{ __typename?: 'Collector'; id: string }>;
    windows: Array<{ __typename?: 'ReportWindow'; from: string; to: string }>;
    changes: Array<{
      __typename?: 'ComparisonChange';
      metric: string;
      statistic: string;
      before: number | null;
      after: number | null;
      change: number | null;
      low: number | null;
      high: number | null;
      verdict: ChangeVerdict;
    }>;
    outliers: Array<{
      __typename?: 'ComparisonOutlier';
      metric: string;
      value: number;
      side: string;
      fence: number;
      collector: { __typename?: 'Collector'; id: string };
    }>;
  };
};

export type ReportProfileFieldsFragment = {
  __typename?: 'ReportProfile';
  updatedAt: string | null;
  collector: { __typename?: 'Collector'; id: string };
  settings: {
    __typename?: 'ReportProfileSettings';
    cpuCount: number | null;
    memoryMb: number | null;
    diskThroughputMbPerSec: number | null;
    networkThroughputMbPerSec: number | null;
    cpuBusyP95Pct: number | null;
    swapUsedP95Mb: number | null;
    iowaitP95Pct: number | null;
    stealP95Pct: number | null;
    networkErrorCount: number | null;
    memoryAvailableP5Pct: number | null;
    diskUtilP95Pct: number | null;
    loadPerCoreP95: number | null;
  };
};

export type ReportProfileQueryVariables = Exact<{
  collectorId: Scalars['ID']['input'];
}>;

export type ReportProfileQuery = {
  __typename?: 'Query';
  reportProfile: {
    __typename?: 'ReportProfile';
    updatedAt: string | null;
    collector: { __typename?: 'Collector'; id: string };
    settings: {
      __typename?: 'ReportProfileSettings';
      cpuCount: number | null;
      memoryMb: number | null;
      diskThroughputMbPerSec: number | null;
      networkThroughputMbPerSec: number | null;
      cpuBusyP95Pct: number | null;
      swapUsedP95Mb: number | null;
      iowaitP95Pct: number | null;
      stealP95Pct: number | null;
      networkErrorCount: number | null;
      memoryAvailableP5Pct: number | null;
      diskUtilP95Pct: number | null;
      loadPerCoreP95: number | null;
    };
  };
};

export type SetReportProfileMutationVariables = Exact<{
  collectorId: Scalars['ID']['input'];
  input: ReportProfileInput;
}>;

export type SetReportProfileMutation = {
  __typename?: 'Mutation';
  setReportProfile: {
    __typename?: 'ReportProfile';
    updatedAt: string | null;
    collector: { __typename?: 'Collector'; id: string };
    settings: {
      __typename?: 'ReportProfileSettings';
      cpuCount: number | null;
      memoryMb: number | null;
      diskThroughputMbPerSec: number | null;
      networkThroughputMbPerSec: number | null;
      cpuBusyP95Pct: number | null;
      swapUsedP95Mb: number | null;
      iowaitP95Pct: number | null;
      stealP95Pct: number | null;
      networkErrorCount: number | null;
      memoryAvailableP5Pct: number | null;
      diskUtilP95Pct: number | null;
      loadPerCoreP95: number | null;
    };
  };
};

export type ResetReportProfileMutationVariables = Exact<{
  collectorId: Scalars['ID']['input'];
}>;

export type ResetReportProfileMutation = {
  __typename?: 'Mutation';
  resetReportProfile: {
    __typename?: 'ReportProfile';
    updatedAt: string | null;
    collector: { __typename?: 'Collector'; id: string };
    settings: {
      __typename?: 'ReportProfileSettings';
      cpuCount: number | null;
      memoryMb: number | null;
      diskThroughputMbPerSec: number | null;
      networkThroughputMbPerSec: number | null;
      cpuBusyP95Pct: number | null;
      swapUsedP95Mb: number | null;
      iowaitP95Pct: number | null;
      stealP95Pct: number | null;
      networkErrorCount: number | null;
      memoryAvailableP5Pct: number | null;
      diskUtilP95Pct: number | null;
      loadPerCoreP95: number | null;
    };
  };
};

export type ProvisionTenantMutationVariables = Exact<{
  input: ProvisionTenantInput;
}>;

export type ProvisionTenantMutation = {
  __typename?: 'Mutation';
  provisionTenant: {
    __typename?: 'Tenant';
    id: string;
    slug: string;
    name: string;
    active: boolean;
    paidUntil: string | null;
    createdOn: string;
    retentionDays: number;
  };
};

export type UpdateTenantMutationVariables = Exact<{
  input: UpdateTenantInput;
}>;

export type UpdateTenantMutation = {
  __typename?: 'Mutation';
  updateTenant: {
    __typename?: 'Tenant';
    id: string;
    slug: string;
    name: string;
    active: boolean;
    paidUntil: string | null;
    createdOn: string;
    retentionDays: number;
  };
};

export type SetTenantActiveMutationVariables = Exact<{
  active: Scalars['Boolean']['input'];
}>;

export type SetTenantActiveMutation = {
  __typename?: 'Mutation';
  setTenantActive: {
    __typename?: 'Tenant';
    id: string;
    slug: string;
    name: string;
    active: boolean;
    paidUntil: string | null;
    createdOn: string;
    retentionDays: number;
  };
};

export type CurrentTenantQueryVariables = Exact<{ [key: string]: never }>;

export type CurrentTenantQuery = {
  __typename?: 'Query';
  currentTenant: {
    __typename?: 'Tenant';
    id: string;
    slug: string;
    name: string;
    active: boolean;
    paidUntil: string | null;
    createdOn: string;
    retentionDays: number;
    domains: Array<{ __typename?: 'Domain'; host: string; primary: boolean }>;
  };
};

export type MyMembershipsQueryVariables = Exact<{ [key: string]: never }>;

export type MyMembershipsQuery = {
  __typename?: 'Query';
  myMemberships: Array<{
    __typename?: 'Membership';
    role: Role;
    since: string;
    tenant: {
      __typename?: 'Tenant';
      id: string;
      slug: string;
      name: string;
      active: boolean;
      paidUntil: string | null;
      createdOn: string;
      retentionDays: number;
    };
  }>;
};

export type MembersQueryVariables = Exact<{ [key: string]: never }>;

export type MembersQuery = {
  __typename?: 'Query';
  members: Array<{
    __typename?: 'Membership';
    role: Role;
    since: string;
    user: { __typename?: 'User'; id: string; email: string; displayName: string };
  }>;
};

export type GrantRoleMutationVariables = Exact<{
  email: Scalars['String']['input'];
  role: Role;
}>;

export type GrantRoleMutation = {
  __typename?: 'Mutation';
  grantRole: {
    __typename?: 'RoleGrant';
    outcome: RoleGrantOutcome;
    membership: { __typename?: 'Membership'; role: Role; user: { __typename?: 'User'; id: string; email: string } } | null;
    invitation: {
      __typename?: 'Invitation';
      id: string;
      tenantId: string;
      tenantSlug: string;
      tenantName: string;
      email: string;
      role: Role;
      createdAt: string;
      expiresAt: string;
      status: InvitationStatus;
    } | null;
  };
};

export type InvitationFieldsFragment = {
  __typename?: 'Invitation';
  id: string;
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  email: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  status: InvitationStatus;
};

export type MyInvitationsQueryVariables = Exact<{ [key: string]: never }>;

export type MyInvitationsQuery = {
  __typename?: 'Query';
  myInvitations: Array<{
    __typename?: 'Invitation';
    id: string;
    tenantId: string;
    tenantSlug: string;
    tenantName: string;
    email: string;
    role: Role;
    createdAt: string;
    expiresAt: string;
    status: InvitationStatus;
  }>;
};

export type AcceptInvitationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type AcceptInvitationMutation = {
  __typename?: 'Mutation';
  acceptInvitation: {
    __typename?: 'Membership';
    role: Role;
    since: string;
    tenant: {
      __typename?: 'Tenant';
      id: string;
      slug: string;
      name: string;
      active: boolean;
      paidUntil: string | null;
      createdOn: string;
      retentionDays: number;
    };
  };
};

export type DeclineInvitationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type DeclineInvitationMutation = { __typename?: 'Mutation'; declineInvitation: boolean };

export type InvitationsQueryVariables = Exact<{ [key: string]: never }>;

export type InvitationsQuery = {
  __typename?: 'Query';
  invitations: Array<{
    __typename?: 'Invitation';
    id: string;
    tenantId: string;
    tenantSlug: string;
    tenantName: string;
    email: string;
    role: Role;
    createdAt: string;
    expiresAt: string;
    status: InvitationStatus;
    invitedBy: { __typename?: 'User'; id: string; email: string } | null;
  }>;
};

export type RevokeInvitationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type RevokeInvitationMutation = { __typename?: 'Mutation'; revokeInvitation: boolean };

export type RevokeMembershipMutationVariables = Exact<{
  userId: Scalars['ID']['input'];
}>;

export type RevokeMembershipMutation = { __typename?: 'Mutation'; revokeMembership: boolean };

export type AddDomainMutationVariables = Exact<{
  host: Scalars['String']['input'];
  primary?: InputMaybe<Scalars['Boolean']['input']>;
}>;

export type AddDomainMutation = { __typename?: 'Mutation'; addDomain: { __typename?: 'Domain'; host: string; primary: boolean } };

export type RemoveDomainMutationVariables = Exact<{
  host: Scalars['String']['input'];
}>;

export type RemoveDomainMutation = { __typename?: 'Mutation'; removeDomain: boolean };

export type TenantFieldsFragment = {
  __typename?: 'Tenant';
  id: string;
  slug: string;
  name: string;
  active: boolean;
  paidUntil: string | null;
  createdOn: string;
  retentionDays: number;
};

export type AuditTrailQueryVariables = Exact<{
  limit?: InputMaybe<Scalars['Int']['input']>;
  before?: InputMaybe<Scalars['DateTimeISO']['input']>;
}>;

export type AuditTrailQuery = {
  __typename?: 'Query';
  auditTrail: Array<{
    __typename?: 'AuditEvent';
    id: string;
    at: string;
    action: string;
    outcome: string;
    actor: string | null;
    ip: string | null;
    details: any;
  }>;
};

export const AlertRuleFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'AlertRuleFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'AlertRule' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'op' } },
          { kind: 'Field', name: { kind: 'Name', value: 'threshold' } },
          { kind: 'Field', name: { kind: 'Name', value: 'windowSeconds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'zScore' } },
          { kind: 'Field', name: { kind: 'Name', value: 'warmupPoints' } },
          { kind: 'Field', name: { kind: 'Name', value: 'silentSeconds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'forSeconds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'severity' } },
          { kind: 'Field', name: { kind: 'Name', value: 'summary' } },
          { kind: 'Field', name: { kind: 'Name', value: 'enabled' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'collectors' },
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AlertRuleFieldsFragment, unknown>;
export const AlertFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'AlertFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Alert' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ruleId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ruleName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'severity' } },
          { kind: 'Field', name: { kind: 'Name', value: 'summary' } },
          { kind: 'Field', name: { kind: 'Name', value: 'pendingAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'firedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'resolvedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'firedValue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'resolvedValue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'silenced' } },
          { kind: 'Field', name: { kind: 'Name', value: 'acknowledgedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'collector' },
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AlertFieldsFragment, unknown>;
export const WebhookDeliveryFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'WebhookDeliveryFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'WebhookDelivery' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'webhookId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'alertId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'event' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'attempts' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastStatusCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastError' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'deliveredAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'nextAttemptAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebhookDeliveryFieldsFragment, unknown>;
export const CollectorFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'CollectorFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Collector' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'machineId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'hostname' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ip' } },
          { kind: 'Field', name: { kind: 'Name', value: 'platform' } },
          { kind: 'Field', name: { kind: 'Name', value: 'site' } },
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastSeen' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CollectorFieldsFragment, unknown>;
export const SessionFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'Session' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'AuthPayload' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'accessToken' } },
          { kind: 'Field', name: { kind: 'Name', value: 'refreshToken' } },
          { kind: 'Field', name: { kind: 'Name', value: 'accessTokenExpiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'role' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'user' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'tenant' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'slug' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SessionFragment, unknown>;
export const MetricSeriesFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'MetricSeriesFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'MetricSeries' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
          { kind: 'Field', name: { kind: 'Name', value: 'min' } },
          { kind: 'Field', name: { kind: 'Name', value: 'avg' } },
          { kind: 'Field', name: { kind: 'Name', value: 'max' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MetricSeriesFieldsFragment, unknown>;
export const ReportScheduleFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ReportScheduleFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ReportSchedule' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'cron' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timeZone' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'format' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'collectors' },
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'window' } },
          { kind: 'Field', name: { kind: 'Name', value: 'recipients' } },
          { kind: 'Field', name: { kind: 'Name', value: 'webhookIds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'paused' } },
          { kind: 'Field', name: { kind: 'Name', value: 'nextRunAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReportScheduleFieldsFragment, unknown>;
export const ReportRunFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ReportRunFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ReportRun' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'scheduleId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'scheduledFor' } },
          { kind: 'Field', name: { kind: 'Name', value: 'from' } },
          { kind: 'Field', name: { kind: 'Name', value: 'to' } },
          { kind: 'Field', name: { kind: 'Name', value: 'manual' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'attempts' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastError' } },
          { kind: 'Field', name: { kind: 'Name', value: 'nextAttemptAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'renderedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'finishedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReportRunFieldsFragment, unknown>;
export const ReportProfileFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ReportProfileFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ReportProfile' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'collector' },
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'settings' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'cpuCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'memoryMb' } },
                { kind: 'Field', name: { kind: 'Name', value: 'diskThroughputMbPerSec' } },
                { kind: 'Field', name: { kind: 'Name', value: 'networkThroughputMbPerSec' } },
                { kind: 'Field', name: { kind: 'Name', value: 'cpuBusyP95Pct' } },
                { kind: 'Field', name: { kind: 'Name', value: 'swapUsedP95Mb' } },
                { kind: 'Field', name: { kind: 'Name', value: 'iowaitP95Pct' } },
                { kind: 'Field', name: { kind: 'Name', value: 'stealP95Pct' } },
                { kind: 'Field', name: { kind: 'Name', value: 'networkErrorCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'memoryAvailableP5Pct' } },
                { kind: 'Field', name: { kind: 'Name', value: 'diskUtilP95Pct' } },
                { kind: 'Field', name: { kind: 'Name', value: 'loadPerCoreP95' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReportProfileFieldsFragment, unknown>;
export const InvitationFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'InvitationFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Invitation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'tenantId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'tenantSlug' } },
          { kind: 'Field', name: { kind: 'Name', value: 'tenantName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'email' } },
          { kind: 'Field', name: { kind: 'Name', value: 'role' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<InvitationFieldsFragment, unknown>;
export const TenantFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TenantFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Tenant' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'slug' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          { kind: 'Field', name: { kind: 'Name', value: 'paidUntil' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdOn' } },
          { kind: 'Field', name: { kind: 'Name', value: 'retentionDays' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TenantFieldsFragment, unknown>;
export const AlertRulesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AlertRules' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'alertRules' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'AlertRuleFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'AlertRuleFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'AlertRule' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'op' } },
          { kind: 'Field', name: { kind: 'Name', value: 'threshold' } },
          { kind: 'Field', name: { kind: 'Name', value: 'windowSeconds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'zScore' } },
          { kind: 'Field', name: { kind: 'Name', value: 'warmupPoints' } },
          { kind: 'Field', name: { kind: 'Name', value: 'silentSeconds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'forSeconds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'severity' } },
          { kind: 'Field', name: { kind: 'Name', value: 'summary' } },
          { kind: 'Field', name: { kind: 'Name', value: 'enabled' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'collectors' },
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AlertRulesQuery, AlertRulesQueryVariables>;
export const CreateAlertRuleDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CreateAlertRule' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'AlertRuleInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createAlertRule' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'AlertRuleFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'AlertRuleFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'AlertRule' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'op' } },
          { kind: 'Field', name: { kind: 'Name', value: 'threshold' } },
          { kind: 'Field', name: { kind: 'Name', value: 'windowSeconds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'zScore' } },
          { kind: 'Field', name: { kind: 'Name', value: 'warmupPoints' } },
          { kind: 'Field', name: { kind: 'Name', value: 'silentSeconds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'forSeconds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'severity' } },
          { kind: 'Field', name: { kind: 'Name', value: 'summary' } },
          { kind: 'Field', name: { kind: 'Name', value: 'enabled' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'collectors' },
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreateAlertRuleMutation, CreateAlertRuleMutationVariables>;
export const UpdateAlertRuleDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdateAlertRule' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'AlertRuleInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateAlertRule' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'AlertRuleFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'AlertRuleFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'AlertRule' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'op' } },
          { kind: 'Field', name: { kind: 'Name', value: 'threshold' } },
          { kind: 'Field', name: { kind: 'Name', value: 'windowSeconds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'zScore' } },
          { kind: 'Field', name: { kind: 'Name', value: 'warmupPoints' } },
          { kind: 'Field', name: { kind: 'Name', value: 'silentSeconds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'forSeconds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'severity' } },
          { kind: 'Field', name: { kind: 'Name', value: 'summary' } },
          { kind: 'Field', name: { kind: 'Name', value: 'enabled' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'collectors' },
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateAlertRuleMutation, UpdateAlertRuleMutationVariables>;
export const DeleteAlertRuleDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'DeleteAlertRule' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'deleteAlertRule' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DeleteAlertRuleMutation, DeleteAlertRuleMutationVariables>;
export const ActiveAlertsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ActiveAlerts' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'activeAlerts' },
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'AlertFields' } }] },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'AlertFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Alert' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ruleId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ruleName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'severity' } },
          { kind: 'Field', name: { kind: 'Name', value: 'summary' } },
          { kind: 'Field', name: { kind: 'Name', value: 'pendingAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'firedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'resolvedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'firedValue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'resolvedValue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'silenced' } },
          { kind: 'Field', name: { kind: 'Name', value: 'acknowledgedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'collector' },
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ActiveAlertsQuery, ActiveAlertsQueryVariables>;
export const FiringAlertsPanelDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'FiringAlertsPanel' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'activeAlerts' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'AlertFields' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'collector' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'hostname' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'AlertFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Alert' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ruleId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ruleName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'severity' } },
          { kind: 'Field', name: { kind: 'Name', value: 'summary' } },
          { kind: 'Field', name: { kind: 'Name', value: 'pendingAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'firedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'resolvedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'firedValue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'resolvedValue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'silenced' } },
          { kind: 'Field', name: { kind: 'Name', value: 'acknowledgedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'collector' },
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<FiringAlertsPanelQuery, FiringAlertsPanelQueryVariables>;
export const AlertHistoryDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AlertHistory' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'DateTimeISO' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'DateTimeISO' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'limit' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'alertHistory' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'from' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
              },
              { kind: 'Argument', name: { kind: 'Name', value: 'to' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } } },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'limit' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'limit' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'AlertFields' } }] },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'AlertFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Alert' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ruleId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ruleName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'severity' } },
          { kind: 'Field', name: { kind: 'Name', value: 'summary' } },
          { kind: 'Field', name: { kind: 'Name', value: 'pendingAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'firedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'resolvedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'firedValue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'resolvedValue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'silenced' } },
          { kind: 'Field', name: { kind: 'Name', value: 'acknowledgedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'collector' },
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AlertHistoryQuery, AlertHistoryQueryVariables>;
export const AcknowledgeAlertDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AcknowledgeAlert' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'acknowledgeAlert' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'AlertFields' } }] },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'AlertFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Alert' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ruleId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ruleName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'severity' } },
          { kind: 'Field', name: { kind: 'Name', value: 'summary' } },
          { kind: 'Field', name: { kind: 'Name', value: 'pendingAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'firedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'resolvedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'firedValue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'resolvedValue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'silenced' } },
          { kind: 'Field', name: { kind: 'Name', value: 'acknowledgedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'collector' },
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AcknowledgeAlertMutation, AcknowledgeAlertMutationVariables>;
export const SilenceAlertsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SilenceAlerts' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'SilenceInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'silenceAlerts' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ruleId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'startsAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'endsAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'comment' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'collector' },
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SilenceAlertsMutation, SilenceAlertsMutationVariables>;
export const AlertSilencesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AlertSilences' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'alertSilences' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ruleId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'startsAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'endsAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'comment' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AlertSilencesQuery, AlertSilencesQueryVariables>;
export const AlertWebhooksDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AlertWebhooks' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'alertWebhooks' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'url' } },
                { kind: 'Field', name: { kind: 'Name', value: 'enabled' } },
                { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AlertWebhooksQuery, AlertWebhooksQueryVariables>;
export const CreateAlertWebhookDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CreateAlertWebhook' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'WebhookInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createAlertWebhook' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'secret' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'webhook' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'url' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'enabled' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreateAlertWebhookMutation, CreateAlertWebhookMutationVariables>;
export const DeleteAlertWebhookDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'DeleteAlertWebhook' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'deleteAlertWebhook' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DeleteAlertWebhookMutation, DeleteAlertWebhookMutationVariables>;
export const TestAlertWebhookDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'TestAlertWebhook' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'testAlertWebhook' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'WebhookDeliveryFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'WebhookDeliveryFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'WebhookDelivery' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'webhookId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'alertId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'event' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'attempts' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastStatusCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastError' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'deliveredAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'nextAttemptAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TestAlertWebhookMutation, TestAlertWebhookMutationVariables>;
export const WebhookDeliveriesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'WebhookDeliveries' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'webhookId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'limit' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'webhookDeliveries' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'webhookId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'webhookId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'limit' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'limit' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'WebhookDeliveryFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'WebhookDeliveryFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'WebhookDelivery' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'webhookId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'alertId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'event' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'attempts' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastStatusCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastError' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'deliveredAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'nextAttemptAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export const AlertEventsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'AlertEvents' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'alertEvents' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'event' } },
                { kind: 'Field', name: { kind: 'Name', value: 'alertId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ruleId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ruleName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'severity' } },
                { kind: 'Field', name: { kind: 'Name', value: 'summary' } },
                { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                { kind: 'Field', name: { kind: 'Name', value: 'silenced' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'collector' },
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AlertEventsSubscription, AlertEventsSubscriptionVariables>;
export const CollectorsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Collectors' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'collectors' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'CollectorFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'CollectorFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Collector' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'machineId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'hostname' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ip' } },
          { kind: 'Field', name: { kind: 'Name', value: 'platform' } },
          { kind: 'Field', name: { kind: 'Name', value: 'site' } },
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastSeen' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CollectorsQuery, CollectorsQueryVariables>;
export const CollectorDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Collector' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'collector' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'CollectorFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'CollectorFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Collector' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'machineId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'hostname' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ip' } },
          { kind: 'Field', name: { kind: 'Name', value: 'platform' } },
          { kind: 'Field', name: { kind: 'Name', value: 'site' } },
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastSeen' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CollectorQuery, CollectorQueryVariables>;
export const CollectorsOverviewDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CollectorsOverview' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'collectors' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'CollectorFields' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'tenant' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'slug' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'latestPoint' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'timestamp' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'cpuUser' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'cpuSystem' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'memUsedMb' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'CollectorFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Collector' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'machineId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'hostname' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ip' } },
          { kind: 'Field', name: { kind: 'Name', value: 'platform' } },
          { kind: 'Field', name: { kind: 'Name', value: 'site' } },
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastSeen' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CollectorsOverviewQuery, CollectorsOverviewQueryVariables>;
export const RegisterCollectorDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RegisterCollector' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'RegisterCollectorInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'registerCollector' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'apiKey' } },
                { kind: 'Field', name: { kind: 'Name', value: 'previousKeyExpiresAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'collector' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'CollectorFields' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'CollectorFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Collector' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'machineId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'hostname' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ip' } },
          { kind: 'Field', name: { kind: 'Name', value: 'platform' } },
          { kind: 'Field', name: { kind: 'Name', value: 'site' } },
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastSeen' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RegisterCollectorMutation, RegisterCollectorMutationVariables>;
export const UpdateCollectorDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdateCollector' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdateCollectorInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateCollector' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'CollectorFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'CollectorFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Collector' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'machineId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'hostname' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ip' } },
          { kind: 'Field', name: { kind: 'Name', value: 'platform' } },
          { kind: 'Field', name: { kind: 'Name', value: 'site' } },
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastSeen' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateCollectorMutation, UpdateCollectorMutationVariables>;
export const SetCollectorActiveDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SetCollectorActive' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'active' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Boolean' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'setCollectorActive' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'active' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'active' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'CollectorFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'CollectorFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Collector' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'machineId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'hostname' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ip' } },
          { kind: 'Field', name: { kind: 'Name', value: 'platform' } },
          { kind: 'Field', name: { kind: 'Name', value: 'site' } },
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastSeen' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SetCollectorActiveMutation, SetCollectorActiveMutationVariables>;
export const RotateApiKeyDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RotateApiKey' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'collectorId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'rotateApiKey' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'collectorId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'collectorId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'apiKey' } },
                { kind: 'Field', name: { kind: 'Name', value: 'previousKeyExpiresAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RotateApiKeyMutation, RotateApiKeyMutationVariables>;
export const RevokeApiKeysDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RevokeApiKeys' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'collectorId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'revokeApiKeys' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'collectorId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'collectorId' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RevokeApiKeysMutation, RevokeApiKeysMutationVariables>;
export const SetApiKeyScopesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SetApiKeyScopes' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'collectorId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'scopes' } },
          type: {
            kind: 'NonNullType',
            type: {
              kind: 'ListType',
              type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ApiKeyScope' } } },
            },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'setApiKeyScopes' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'collectorId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'collectorId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'scopes' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'scopes' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SetApiKeyScopesMutation, SetApiKeyScopesMutationVariables>;
export const DashboardCollectorsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'DashboardCollectors' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'collectors' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'CollectorFields' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'latestPoint' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'timestamp' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'cpuUser' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'cpuSystem' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'cpuIowait' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'cpuSteal' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'memUsedMb' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'memTotalMb' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'CollectorFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Collector' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'machineId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'hostname' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ip' } },
          { kind: 'Field', name: { kind: 'Name', value: 'platform' } },
          { kind: 'Field', name: { kind: 'Name', value: 'site' } },
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastSeen' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DashboardCollectorsQuery, DashboardCollectorsQueryVariables>;
export const DashboardCollectorDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'DashboardCollector' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'collector' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'CollectorFields' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'latestPoint' },
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'timestamp' } }] },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'CollectorFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Collector' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'machineId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'hostname' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ip' } },
          { kind: 'Field', name: { kind: 'Name', value: 'platform' } },
          { kind: 'Field', name: { kind: 'Name', value: 'site' } },
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastSeen' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DashboardCollectorQuery, DashboardCollectorQueryVariables>;
export const DashboardLivePointsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'DashboardLivePoints' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'collectorIds' } },
          type: { kind: 'ListType', type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'groups' } },
          type: {
            kind: 'ListType',
            type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'MetricGroup' } } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'since' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'DateTimeISO' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'livePoints' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'collectorIds' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'collectorIds' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'groups' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'groups' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'since' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'since' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'timestamp' } },
                { kind: 'Field', name: { kind: 'Name', value: 'cpuUser' } },
                { kind: 'Field', name: { kind: 'Name', value: 'cpuSystem' } },
                { kind: 'Field', name: { kind: 'Name', value: 'cpuIowait' } },
                { kind: 'Field', name: { kind: 'Name', value: 'cpuSteal' } },
                { kind: 'Field', name: { kind: 'Name', value: 'memTotalMb' } },
                { kind: 'Field', name: { kind: 'Name', value: 'memUsedMb' } },
                { kind: 'Field', name: { kind: 'Name', value: 'memCachedMb' } },
                { kind: 'Field', name: { kind: 'Name', value: 'memBuffersMb' } },
                { kind: 'Field', name: { kind: 'Name', value: 'swapUsedMb' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DashboardLivePointsSubscription, DashboardLivePointsSubscriptionVariables>;
export const RegisterDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'Register' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'RegisterInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'register' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RegisterMutation, RegisterMutationVariables>;
export const LoginDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'Login' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'LoginInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'login' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'Session' } }] },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'Session' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'AuthPayload' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'accessToken' } },
          { kind: 'Field', name: { kind: 'Name', value: 'refreshToken' } },
          { kind: 'Field', name: { kind: 'Name', value: 'accessTokenExpiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'role' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'user' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'tenant' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'slug' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const RefreshSessionDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RefreshSession' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'refreshToken' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'refresh' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'refreshToken' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'refreshToken' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'Session' } }] },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'Session' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'AuthPayload' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'accessToken' } },
          { kind: 'Field', name: { kind: 'Name', value: 'refreshToken' } },
          { kind: 'Field', name: { kind: 'Name', value: 'accessTokenExpiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'role' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'user' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'tenant' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'slug' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RefreshSessionMutation, RefreshSessionMutationVariables>;
export const LogoutDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'Logout' },
      selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'logout' } }] },
    },
  ],
} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const ChangePasswordDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ChangePassword' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'oldPassword' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'newPassword' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'changePassword' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'oldPassword' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'oldPassword' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'newPassword' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'newPassword' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const SwitchTenantDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SwitchTenant' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'tenant' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'switchTenant' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'tenant' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'tenant' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'Session' } }] },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'Session' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'AuthPayload' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'accessToken' } },
          { kind: 'Field', name: { kind: 'Name', value: 'refreshToken' } },
          { kind: 'Field', name: { kind: 'Name', value: 'accessTokenExpiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'role' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'user' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'tenant' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'slug' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SwitchTenantMutation, SwitchTenantMutationVariables>;
export const MeDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Me' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'me' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const VerifyTokenDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'VerifyToken' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'token' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'verifyToken' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'token' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'token' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'valid' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                { kind: 'Field', name: { kind: 'Name', value: 'userId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'tenantId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<VerifyTokenQuery, VerifyTokenQueryVariables>;
export const LivePointsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'LivePoints' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'collectorIds' } },
          type: { kind: 'ListType', type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'groups' } },
          type: {
            kind: 'ListType',
            type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'MetricGroup' } } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'since' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'DateTimeISO' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'livePoints' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'collectorIds' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'collectorIds' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'groups' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'groups' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'since' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'since' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'timestamp' } },
                { kind: 'Field', name: { kind: 'Name', value: 'cpuUser' } },
                { kind: 'Field', name: { kind: 'Name', value: 'cpuSystem' } },
                { kind: 'Field', name: { kind: 'Name', value: 'cpuIowait' } },
                { kind: 'Field', name: { kind: 'Name', value: 'cpuSteal' } },
                { kind: 'Field', name: { kind: 'Name', value: 'memUsedMb' } },
                { kind: 'Field', name: { kind: 'Name', value: 'memTotalMb' } },
                { kind: 'Field', name: { kind: 'Name', value: 'memCachedMb' } },
                { kind: 'Field', name: { kind: 'Name', value: 'memBuffersMb' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'collector' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'hostname' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<LivePointsSubscription, LivePointsSubscriptionVariables>;
export const LivePointsLeanDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'LivePointsLean' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'collectorIds' } },
          type: { kind: 'ListType', type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'groups' } },
          type: {
            kind: 'ListType',
            type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'MetricGroup' } } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'since' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'DateTimeISO' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'livePoints' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'collectorIds' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'collectorIds' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'groups' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'groups' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'since' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'since' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'timestamp' } },
                { kind: 'Field', name: { kind: 'Name', value: 'cpuUser' } },
                { kind: 'Field', name: { kind: 'Name', value: 'memUsedMb' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'collector' },
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<LivePointsLeanSubscription, LivePointsLeanSubscriptionVariables>;
export const SeriesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Series' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'collectorId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'group' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'MetricGroup' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'DateTimeISO' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'DateTimeISO' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'buckets' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'series' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'collectorId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'collectorId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'group' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'group' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'from' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
              },
              { kind: 'Argument', name: { kind: 'Name', value: 'to' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } } },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'buckets' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'buckets' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'collectorId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'group' } },
                { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                { kind: 'Field', name: { kind: 'Name', value: 'to' } },
                { kind: 'Field', name: { kind: 'Name', value: 'bucketSeconds' } },
                { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                { kind: 'Field', name: { kind: 'Name', value: 'timestamps' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'metrics' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'MetricSeriesFields' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'MetricSeriesFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'MetricSeries' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
          { kind: 'Field', name: { kind: 'Name', value: 'min' } },
          { kind: 'Field', name: { kind: 'Name', value: 'avg' } },
          { kind: 'Field', name: { kind: 'Name', value: 'max' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SeriesQuery, SeriesQueryVariables>;
export const SummaryDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Summary' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'collectorId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'DateTimeISO' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'DateTimeISO' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'groups' } },
          type: {
            kind: 'ListType',
            type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'MetricGroup' } } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'summary' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'collectorId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'collectorId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'from' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
              },
              { kind: 'Argument', name: { kind: 'Name', value: 'to' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } } },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'groups' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'groups' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
                { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
                { kind: 'Field', name: { kind: 'Name', value: 'count' } },
                { kind: 'Field', name: { kind: 'Name', value: 'min' } },
                { kind: 'Field', name: { kind: 'Name', value: 'mean' } },
                { kind: 'Field', name: { kind: 'Name', value: 'max' } },
                { kind: 'Field', name: { kind: 'Name', value: 'p95' } },
                { kind: 'Field', name: { kind: 'Name', value: 'p975' } },
                { kind: 'Field', name: { kind: 'Name', value: 'p99' } },
                { kind: 'Field', name: { kind: 'Name', value: 'p100' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SummaryQuery, SummaryQueryVariables>;
export const DeviceSeriesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'DeviceSeries' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'collectorId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'kind' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'DeviceKind' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'DateTimeISO' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'DateTimeISO' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'buckets' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'deviceSeries' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'collectorId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'collectorId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'kind' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'kind' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'from' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
              },
              { kind: 'Argument', name: { kind: 'Name', value: 'to' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } } },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'buckets' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'buckets' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'device' } },
                { kind: 'Field', name: { kind: 'Name', value: 'timestamps' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'metrics' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'MetricSeriesFields' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'MetricSeriesFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'MetricSeries' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
          { kind: 'Field', name: { kind: 'Name', value: 'min' } },
          { kind: 'Field', name: { kind: 'Name', value: 'avg' } },
          { kind: 'Field', name: { kind: 'Name', value: 'max' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DeviceSeriesQuery, DeviceSeriesQueryVariables>;
export const TricklePointsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'TricklePoints' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'points' } },
          type: {
            kind: 'NonNullType',
            type: {
              kind: 'ListType',
              type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'MetricPointInput' } } },
            },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'tricklePoints' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'points' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'points' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'accepted' } },
                { kind: 'Field', name: { kind: 'Name', value: 'duplicates' } },
                { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                { kind: 'Field', name: { kind: 'Name', value: 'to' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TricklePointsMutation, TricklePointsMutationVariables>;
export const UploadMetricsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UploadMetrics' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'file' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Upload' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'machineId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'uploadMetrics' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'file' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'file' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'machineId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'machineId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'rowsProcessed' } },
                { kind: 'Field', name: { kind: 'Name', value: 'duplicatesSkipped' } },
                { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                { kind: 'Field', name: { kind: 'Name', value: 'to' } },
                { kind: 'Field', name: { kind: 'Name', value: 'machines' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ignoredColumns' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UploadMetricsMutation, UploadMetricsMutationVariables>;
export const ReportSchedulesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ReportSchedules' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'reportSchedules' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ReportScheduleFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ReportScheduleFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ReportSchedule' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'cron' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timeZone' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'format' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'collectors' },
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'window' } },
          { kind: 'Field', name: { kind: 'Name', value: 'recipients' } },
          { kind: 'Field', name: { kind: 'Name', value: 'webhookIds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'paused' } },
          { kind: 'Field', name: { kind: 'Name', value: 'nextRunAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReportSchedulesQuery, ReportSchedulesQueryVariables>;
export const ReportRunsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ReportRuns' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'scheduleId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'limit' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'reportRuns' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'scheduleId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'scheduleId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'limit' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'limit' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ReportRunFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ReportRunFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ReportRun' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'scheduleId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'scheduledFor' } },
          { kind: 'Field', name: { kind: 'Name', value: 'from' } },
          { kind: 'Field', name: { kind: 'Name', value: 'to' } },
          { kind: 'Field', name: { kind: 'Name', value: 'manual' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'attempts' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastError' } },
          { kind: 'Field', name: { kind: 'Name', value: 'nextAttemptAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'renderedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'finishedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReportRunsQuery, ReportRunsQueryVariables>;
export const CreateReportScheduleDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CreateReportSchedule' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ReportScheduleInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createReportSchedule' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ReportScheduleFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ReportScheduleFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ReportSchedule' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'cron' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timeZone' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'format' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'collectors' },
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'window' } },
          { kind: 'Field', name: { kind: 'Name', value: 'recipients' } },
          { kind: 'Field', name: { kind: 'Name', value: 'webhookIds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'paused' } },
          { kind: 'Field', name: { kind: 'Name', value: 'nextRunAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreateReportScheduleMutation, CreateReportScheduleMutationVariables>;
export const UpdateReportScheduleDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdateReportSchedule' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ReportScheduleUpdate' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateReportSchedule' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ReportScheduleFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ReportScheduleFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ReportSchedule' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'cron' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timeZone' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'format' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'collectors' },
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'window' } },
          { kind: 'Field', name: { kind: 'Name', value: 'recipients' } },
          { kind: 'Field', name: { kind: 'Name', value: 'webhookIds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'paused' } },
          { kind: 'Field', name: { kind: 'Name', value: 'nextRunAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateReportScheduleMutation, UpdateReportScheduleMutationVariables>;
export const DeleteReportScheduleDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'DeleteReportSchedule' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'deleteReportSchedule' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DeleteReportScheduleMutation, DeleteReportScheduleMutationVariables>;
export const PauseReportScheduleDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'PauseReportSchedule' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'paused' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Boolean' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'pauseReportSchedule' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'paused' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'paused' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ReportScheduleFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ReportScheduleFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ReportSchedule' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'cron' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timeZone' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'format' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'collectors' },
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'window' } },
          { kind: 'Field', name: { kind: 'Name', value: 'recipients' } },
          { kind: 'Field', name: { kind: 'Name', value: 'webhookIds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'paused' } },
          { kind: 'Field', name: { kind: 'Name', value: 'nextRunAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PauseReportScheduleMutation, PauseReportScheduleMutationVariables>;
export const RunReportScheduleDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RunReportSchedule' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'runReportSchedule' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ReportRunFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ReportRunFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ReportRun' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'scheduleId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'scheduledFor' } },
          { kind: 'Field', name: { kind: 'Name', value: 'from' } },
          { kind: 'Field', name: { kind: 'Name', value: 'to' } },
          { kind: 'Field', name: { kind: 'Name', value: 'manual' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'attempts' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastError' } },
          { kind: 'Field', name: { kind: 'Name', value: 'nextAttemptAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'renderedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'finishedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RunReportScheduleMutation, RunReportScheduleMutationVariables>;
export const ReportArchiveDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ReportArchive' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'scheduleId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'limit' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'reportArchive' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'scheduleId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'scheduleId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'limit' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'limit' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'scheduleId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'scheduleName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'runId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'createdBy' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'collector' },
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'machineId' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'collectors' },
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'machineIds' } },
                { kind: 'Field', name: { kind: 'Name', value: 'format' } },
                { kind: 'Field', name: { kind: 'Name', value: 'fileName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                { kind: 'Field', name: { kind: 'Name', value: 'to' } },
                { kind: 'Field', name: { kind: 'Name', value: 'points' } },
                { kind: 'Field', name: { kind: 'Name', value: 'bytes' } },
                { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReportArchiveQuery, ReportArchiveQueryVariables>;
export const ReportArchiveDownloadDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ReportArchiveDownload' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'reportArchiveDownload' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'downloadUrl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReportArchiveDownloadQuery, ReportArchiveDownloadQueryVariables>;
export const ReportSectionsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ReportSections' },
      selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'reportSections' } }] },
    },
  ],
} as unknown as DocumentNode<ReportSectionsQuery, ReportSectionsQueryVariables>;
export const ReportDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Report' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'collectorId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'DateTimeISO' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'DateTimeISO' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'sections' } },
          type: {
            kind: 'ListType',
            type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ReportSection' } } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'format' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ReportFormat' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'chart' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'report' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'collectorId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'collectorId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'from' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
              },
              { kind: 'Argument', name: { kind: 'Name', value: 'to' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } } },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'sections' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'sections' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'format' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'format' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'chart' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'chart' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'collector' },
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                { kind: 'Field', name: { kind: 'Name', value: 'to' } },
                { kind: 'Field', name: { kind: 'Name', value: 'format' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sections' } },
                { kind: 'Field', name: { kind: 'Name', value: 'chart' } },
                { kind: 'Field', name: { kind: 'Name', value: 'downloadUrl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'bytes' } },
                { kind: 'Field', name: { kind: 'Name', value: 'points' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recommendations' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReportQuery, ReportQueryVariables>;
export const CompareReportDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CompareReport' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'CompareReportInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'compareReport' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'collectors' },
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'windows' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'to' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'format' } },
                { kind: 'Field', name: { kind: 'Name', value: 'downloadUrl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'bytes' } },
                { kind: 'Field', name: { kind: 'Name', value: 'points' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'changes' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'statistic' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'before' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'after' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'change' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'low' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'high' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'verdict' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'outliers' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'collector' },
                        selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
                      },
                      { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'side' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'fence' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CompareReportQuery, CompareReportQueryVariables>;
export const ReportProfileDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ReportProfile' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'collectorId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'reportProfile' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'collectorId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'collectorId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ReportProfileFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ReportProfileFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ReportProfile' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'collector' },
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'settings' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'cpuCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'memoryMb' } },
                { kind: 'Field', name: { kind: 'Name', value: 'diskThroughputMbPerSec' } },
                { kind: 'Field', name: { kind: 'Name', value: 'networkThroughputMbPerSec' } },
                { kind: 'Field', name: { kind: 'Name', value: 'cpuBusyP95Pct' } },
                { kind: 'Field', name: { kind: 'Name', value: 'swapUsedP95Mb' } },
                { kind: 'Field', name: { kind: 'Name', value: 'iowaitP95Pct' } },
                { kind: 'Field', name: { kind: 'Name', value: 'stealP95Pct' } },
                { kind: 'Field', name: { kind: 'Name', value: 'networkErrorCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'memoryAvailableP5Pct' } },
                { kind: 'Field', name: { kind: 'Name', value: 'diskUtilP95Pct' } },
                { kind: 'Field', name: { kind: 'Name', value: 'loadPerCoreP95' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReportProfileQuery, ReportProfileQueryVariables>;
export const SetReportProfileDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SetReportProfile' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'collectorId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ReportProfileInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'setReportProfile' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'collectorId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'collectorId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ReportProfileFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ReportProfileFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ReportProfile' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'collector' },
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'settings' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'cpuCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'memoryMb' } },
                { kind: 'Field', name: { kind: 'Name', value: 'diskThroughputMbPerSec' } },
                { kind: 'Field', name: { kind: 'Name', value: 'networkThroughputMbPerSec' } },
                { kind: 'Field', name: { kind: 'Name', value: 'cpuBusyP95Pct' } },
                { kind: 'Field', name: { kind: 'Name', value: 'swapUsedP95Mb' } },
                { kind: 'Field', name: { kind: 'Name', value: 'iowaitP95Pct' } },
                { kind: 'Field', name: { kind: 'Name', value: 'stealP95Pct' } },
                { kind: 'Field', name: { kind: 'Name', value: 'networkErrorCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'memoryAvailableP5Pct' } },
                { kind: 'Field', name: { kind: 'Name', value: 'diskUtilP95Pct' } },
                { kind: 'Field', name: { kind: 'Name', value: 'loadPerCoreP95' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SetReportProfileMutation, SetReportProfileMutationVariables>;
export const ResetReportProfileDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ResetReportProfile' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'collectorId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'resetReportProfile' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'collectorId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'collectorId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ReportProfileFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ReportProfileFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ReportProfile' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'collector' },
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'settings' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'cpuCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'memoryMb' } },
                { kind: 'Field', name: { kind: 'Name', value: 'diskThroughputMbPerSec' } },
                { kind: 'Field', name: { kind: 'Name', value: 'networkThroughputMbPerSec' } },
                { kind: 'Field', name: { kind: 'Name', value: 'cpuBusyP95Pct' } },
                { kind: 'Field', name: { kind: 'Name', value: 'swapUsedP95Mb' } },
                { kind: 'Field', name: { kind: 'Name', value: 'iowaitP95Pct' } },
                { kind: 'Field', name: { kind: 'Name', value: 'stealP95Pct' } },
                { kind: 'Field', name: { kind: 'Name', value: 'networkErrorCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'memoryAvailableP5Pct' } },
                { kind: 'Field', name: { kind: 'Name', value: 'diskUtilP95Pct' } },
                { kind: 'Field', name: { kind: 'Name', value: 'loadPerCoreP95' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ResetReportProfileMutation, ResetReportProfileMutationVariables>;
export const ProvisionTenantDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ProvisionTenant' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ProvisionTenantInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'provisionTenant' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TenantFields' } }] },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TenantFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Tenant' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'slug' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          { kind: 'Field', name: { kind: 'Name', value: 'paidUntil' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdOn' } },
          { kind: 'Field', name: { kind: 'Name', value: 'retentionDays' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ProvisionTenantMutation, ProvisionTenantMutationVariables>;
export const UpdateTenantDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdateTenant' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdateTenantInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateTenant' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TenantFields' } }] },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TenantFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Tenant' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'slug' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          { kind: 'Field', name: { kind: 'Name', value: 'paidUntil' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdOn' } },
          { kind: 'Field', name: { kind: 'Name', value: 'retentionDays' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateTenantMutation, UpdateTenantMutationVariables>;
export const SetTenantActiveDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SetTenantActive' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'active' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Boolean' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'setTenantActive' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'active' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'active' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TenantFields' } }] },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TenantFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Tenant' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'slug' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          { kind: 'Field', name: { kind: 'Name', value: 'paidUntil' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdOn' } },
          { kind: 'Field', name: { kind: 'Name', value: 'retentionDays' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SetTenantActiveMutation, SetTenantActiveMutationVariables>;
export const CurrentTenantDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CurrentTenant' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'currentTenant' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'TenantFields' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'domains' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'host' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'primary' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TenantFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Tenant' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'slug' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          { kind: 'Field', name: { kind: 'Name', value: 'paidUntil' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdOn' } },
          { kind: 'Field', name: { kind: 'Name', value: 'retentionDays' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CurrentTenantQuery, CurrentTenantQueryVariables>;
export const MyMembershipsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'MyMemberships' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'myMemberships' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                { kind: 'Field', name: { kind: 'Name', value: 'since' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'tenant' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TenantFields' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TenantFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Tenant' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'slug' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          { kind: 'Field', name: { kind: 'Name', value: 'paidUntil' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdOn' } },
          { kind: 'Field', name: { kind: 'Name', value: 'retentionDays' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MyMembershipsQuery, MyMembershipsQueryVariables>;
export const MembersDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Members' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'members' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                { kind: 'Field', name: { kind: 'Name', value: 'since' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'user' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MembersQuery, MembersQueryVariables>;
export const GrantRoleDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'GrantRole' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'email' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'role' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Role' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'grantRole' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'email' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'email' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'role' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'role' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'outcome' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'membership' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'user' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'invitation' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'InvitationFields' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'InvitationFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Invitation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'tenantId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'tenantSlug' } },
          { kind: 'Field', name: { kind: 'Name', value: 'tenantName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'email' } },
          { kind: 'Field', name: { kind: 'Name', value: 'role' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<GrantRoleMutation, GrantRoleMutationVariables>;
export const MyInvitationsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'MyInvitations' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'myInvitations' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'InvitationFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'InvitationFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Invitation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'tenantId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'tenantSlug' } },
          { kind: 'Field', name: { kind: 'Name', value: 'tenantName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'email' } },
          { kind: 'Field', name: { kind: 'Name', value: 'role' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MyInvitationsQuery, MyInvitationsQueryVariables>;
export const AcceptInvitationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AcceptInvitation' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'acceptInvitation' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                { kind: 'Field', name: { kind: 'Name', value: 'since' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'tenant' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TenantFields' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TenantFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Tenant' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'slug' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          { kind: 'Field', name: { kind: 'Name', value: 'paidUntil' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdOn' } },
          { kind: 'Field', name: { kind: 'Name', value: 'retentionDays' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const DeclineInvitationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'DeclineInvitation' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'declineInvitation' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DeclineInvitationMutation, DeclineInvitationMutationVariables>;
export const InvitationsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Invitations' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'invitations' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'InvitationFields' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'invitedBy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'InvitationFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Invitation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'tenantId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'tenantSlug' } },
          { kind: 'Field', name: { kind: 'Name', value: 'tenantName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'email' } },
          { kind: 'Field', name: { kind: 'Name', value: 'role' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<InvitationsQuery, InvitationsQueryVariables>;
export const RevokeInvitationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RevokeInvitation' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'revokeInvitation' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RevokeInvitationMutation, RevokeInvitationMutationVariables>;
export const RevokeMembershipDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RevokeMembership' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'userId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'revokeMembership' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'userId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'userId' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RevokeMembershipMutation, RevokeMembershipMutationVariables>;
export const AddDomainDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AddDomain' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'host' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'primary' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Boolean' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'addDomain' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'host' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'host' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'primary' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'primary' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'host' } },
                { kind: 'Field', name: { kind: 'Name', value: 'primary' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AddDomainMutation, AddDomainMutationVariables>;
export const RemoveDomainDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RemoveDomain' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'host' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'removeDomain' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'host' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'host' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RemoveDomainMutation, RemoveDomainMutationVariables>;
export const AuditTrailDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AuditTrail' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'limit' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'before' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'DateTimeISO' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'auditTrail' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'limit' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'limit' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'before' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'before' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                { kind: 'Field', name: { kind: 'Name', value: 'action' } },
                { kind: 'Field', name: { kind: 'Name', value: 'outcome' } },
                { kind: 'Field', name: { kind: 'Name', value: 'actor' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ip' } },
                { kind: 'Field', name: { kind: 'Name', value: 'details' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AuditTrailQuery, AuditTrailQueryVariables>;
