import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An HTTP endpoint receiving signed alert notifications.' })
export class Webhook {
  @Field(() => ID)
  id!: string;

  @Field()
  url!: string;

  @Field()
  enabled!: boolean;

  @Field()
  createdAt!: Date;
}

@ObjectType({ description: 'A new webhook with its signing secret, shown this once.' })
export class CreatedWebhook {
  @Field(() => Webhook)
  webhook!: Webhook;

  @Field({
    description:
      'HMAC-SHA256 key: each request carries `x-perfanalysis-signature: t=<unix s>,v1=<hex HMAC of "<t>.<raw body>">`. Shown only now.',
  })
  secret!: string;
}

@InputType()
export class WebhookInput {
  @Field({ description: 'http(s) URL; hosts resolving to loopback, private or link-local addresses are refused.' })
  url!: string;

  @Field({ nullable: true, description: 'At least 16 characters; omitted: one is generated (256 bits).' })
  secret?: string;
}

@ObjectType({ description: 'One notification to one webhook and what became of it.' })
export class WebhookDelivery {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  webhookId!: string;

  @Field(() => ID, { nullable: true })
  alertId!: string | null;

  @Field({ description: 'FIRING, RESOLVED or TEST.' })
  event!: string;

  @Field({ description: 'PENDING (will be retried), DELIVERED or FAILED (attempts exhausted).' })
  status!: string;

  @Field(() => Int)
  attempts!: number;

  @Field(() => Int, { nullable: true })
  lastStatusCode!: number | null;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  deliveredAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the next attempt is due (PENDING only).' })
  nextAttemptAt!: Date | null;
}
