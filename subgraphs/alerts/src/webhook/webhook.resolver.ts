import { BadUserInputError, NotFoundError, refuseTarget, type SubgraphContext } from '@perfanalysis/platform';
import { randomBytes, randomUUID } from 'node:crypto';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { dispatchOne } from '../notify/webhookDispatcher.js';
import { CreatedWebhook, Webhook, WebhookDelivery, WebhookInput } from './webhook.type.js';

const MAX_WEBHOOKS = 20;

interface WebhookRow {
  id: string;
  url: string;
  enabled: boolean;
  created_at: Date;
}

interface DeliveryRow {
  id: string;
  webhook_id: string;
  alert_id: string | null;
  event: string;
  status: string;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
  next_attempt_at: Date;
}

const toWebhook = (row: WebhookRow): Webhook =>
  Object.assign(new Webhook(), { id: row.id, url: row.url, enabled: row.enabled, createdAt: row.created_at });

const toDelivery = (row: DeliveryRow): WebhookDelivery =>
  Object.assign(new WebhookDelivery(), {
    id: row.id,
    webhookId: row.webhook_id,
    alertId: row.alert_id,
    event: row.event,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
    nextAttemptAt: row.status === 'PENDING' ? row.next_attempt_at : null,
  });

/** Parses and checks a target; refused with BAD_USER_INPUT naming the reason (SSRF guard at registration). */
export async function checkWebhookUrl(ctx: SubgraphContext, text: string): Promise<string> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new BadUserInputError('url is not a valid URL.', { field: 'url' });
  }
  if (text.length > 2000) throw new BadUserInputError('url is longer than 2000 characters.', { field: 'url' });
  const { webhookAllowPrivate, webhookPorts } = ctx.runtime.config.alerts;
  const refused = await refuseTarget(url, { allowPrivate: webhookAllowPrivate, extraPorts: webhookPorts });
  if (refused) throw new BadUserInputError(`This webhook target is refused: ${refused}.`, { field: 'url' });
  return url.toString();
}

async function findWebhook(ctx: SubgraphContext, id: string): Promise<WebhookRow> {
  const db = ctx.tenantDb();
  const { rows } = await db.queryById<WebhookRow>(`SELECT id, url, enabled, created_at FROM ${db.table('alert_webhooks')} WHERE id = $1`, [
    id,
  ]);
  if (!rows[0]) throw new NotFoundError('No webhook with this id in your tenant.', { field: 'id' });
  return rows[0];
}

@Resolver()
export class WebhookResolver {
  @Authorized('ADMIN')
  @Query(() => [Webhook])
  async alertWebhooks(@Ctx() ctx: SubgraphContext): Promise<Webhook[]> {
    const db = ctx.tenantDb();
    const { rows } = await db.query<WebhookRow>(
      `SELECT id, url, enabled, created_at FROM ${db.table('alert_webhooks')} ORDER BY created_at`,
    );
    return rows.map(toWebhook);
  }

  @Authorized('ADMIN')
  @Query(() => [WebhookDelivery], { description: 'Delivery log, newest first.' })
  async webhookDeliveries(
    @Arg('webhookId', () => ID, { nullable: true }) webhookId: string | null,
    @Arg('limit', () => Int, { defaultValue: 100 }) limit: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<WebhookDelivery[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      throw new BadUserInputError('limit must lie between 1 and 1000.', { field: 'limit' });
    if (webhookId) await findWebhook(ctx, webhookId);
    const db = ctx.tenantDb();
    const { rows } = await db.query<DeliveryRow>(
      `SELECT * FROM ${db.table('alert_webhook_deliveries')} WHERE $1::uuid IS NULL OR webhook_id = $1 ORDER BY created_at DESC, id LIMIT $2`,
      [webhookId ?? null, limit],
    );
    return rows.map(toDelivery);
  }

  @Authorized('ADMIN')
  @Mutation(() => CreatedWebhook, { description: 'Registers a webhook; the secret is returned this once.' })
  async createAlertWebhook(@Arg('input') input: WebhookInput, @Ctx() ctx: SubgraphContext): Promise<CreatedWebhook> {
    const url = await checkWebhookUrl(ctx, input.url);
    if (input.secret !== undefined && input.secret !== null && (input.secret.length < 16 || input.secret.length > 200))
      throw new BadUserInputError('secret must be 16 to 200 characters (or omitted to generate one).', { field: 'secret' });
    const secret = input.secret ?? randomBytes(32).toString('base64url');
    const db = ctx.tenantDb();
    const { rows: count } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${db.table('alert_webhooks')}`);
    if (count[0]!.n >= MAX_WEBHOOKS) throw new BadUserInputError(`At most ${MAX_WEBHOOKS} webhooks per tenant.`);
    const { rows } = await db.query<WebhookRow>(
      `INSERT INTO ${db.table('alert_webhooks')} (url, secret) VALUES ($1, $2) RETURNING id, url, enabled, created_at`,
      [url, secret],
    );
    return Object.assign(new CreatedWebhook(), { webhook: toWebhook(rows[0]!), secret });
  }

  @Authorized('ADMIN')
  @Mutation(() => Boolean)
  async deleteAlertWebhook(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    await findWebhook(ctx, id);
    const db = ctx.tenantDb();
    await db.query(`DELETE FROM ${db.table('alert_webhooks')} WHERE id = $1`, [id]);
    return true;
  }

  @Authorized('ADMIN')
  @Mutation(() => WebhookDelivery, {
    description: 'Sends a signed TEST notification now and returns its delivery (retried like any other if it failed).',
  })
  async testAlertWebhook(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<WebhookDelivery> {
    const hook = await findWebhook(ctx, id);
    const db = ctx.tenantDb();
    const deliveryId = randomUUID();
    const body = JSON.stringify({
      deliveryId,
      tenant: ctx.tenant().slug,
      event: 'TEST',
      summary: 'A test notification from PerfAnalysis alerts.',
      at: new Date().toISOString(),
    });
    // Inserted and sent in one transaction: the periodic dispatcher never sees the row unsent, so
    // it cannot take the first attempt away from this call (which answers with that attempt).
    await db.transaction(async (tx) => {
      await tx.query(`INSERT INTO ${tx.table('alert_webhook_deliveries')} (id, webhook_id, event, body) VALUES ($1, $2, 'TEST', $3)`, [
        deliveryId,
        hook.id,
        body,
      ]);
      await dispatchOne(ctx.runtime, tx, deliveryId);
    });
    const { rows } = await db.query<DeliveryRow>(`SELECT * FROM ${db.table('alert_webhook_deliveries')} WHERE id = $1`, [deliveryId]);
    return toDelivery(rows[0]!);
  }
}
