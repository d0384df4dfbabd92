import { IsIP, IsOptional, Matches, MaxLength } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';
import { Collector } from './collector.type.js';

const HOSTNAME = /^[A-Za-z0-9.-]{1,253}$/;
const HOSTNAME_MESSAGE = 'hostname: a host name such as web-01.example.com';

/** The optional details a collector has, whether registered or updated. */
@InputType()
class CollectorDetailsInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsIP(undefined, { message: 'ip: an IPv4 or IPv6 address' })
  ip?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(100)
  platform?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(100)
  site?: string;
}

@InputType()
export class RegisterCollectorInput extends CollectorDetailsInput {
  @Field({ description: 'Unique within the tenant: letters, digits, dot, dash, underscore, colon; 1–200.' })
  @Matches(/^[A-Za-z0-9._:-]{1,200}$/, { message: 'machineId: 1–200 of letters, digits, . _ : -' })
  machineId!: string;

  @Field()
  @Matches(HOSTNAME, { message: HOSTNAME_MESSAGE })
  hostname!: string;
}

@InputType()
export class UpdateCollectorInput extends CollectorDetailsInput {
  @Field({ nullable: true })
  @IsOptional()
  @Matches(HOSTNAME, { message: HOSTNAME_MESSAGE })
  hostname?: string;
}

@ObjectType('CollectorWithKey', { description: 'The API key is shown once: store it now.' })
export class CollectorWithKey {
  @Field(() => Collector)
  collector!: Collector;

  @Field({ description: 'Send as `Authorization: Bearer <apiKey>`. Not retrievable later.' })
  apiKey!: string;

  @Field(() => Date, { nullable: true, description: 'When the previous key (if any) stops working.' })
  previousKeyExpiresAt!: Date | null;
}
