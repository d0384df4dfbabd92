import { type Role, RoleEnum, TenantSummary } from '@perfanalysis/platform';
import { IsEmail, MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { User } from '../user/user.type.js';

@InputType()
export class RegisterInput {
  @Field()
  @IsEmail({}, { message: 'email must be an e-mail address such as ada@example.com' })
  @MaxLength(320)
  email!: string;

  @Field({ description: '12–256 characters mixing at least three of lower-case, upper-case, digits, symbols.' })
  @MaxLength(256)
  password!: string;

  @Field()
  @MaxLength(200)
  displayName!: string;
}

@InputType()
export class LoginInput {
  @Field()
  @MaxLength(320)
  email!: string;

  @Field()
  @MaxLength(256)
  password!: string;

  @Field({ nullable: true, description: 'Tenant slug to bind the session to; default: the Host domain’s tenant, else your first.' })
  @MaxLength(40)
  tenant?: string;
}

@ObjectType('AuthPayload', { description: 'A session: a short access token and a rotating refresh token.' })
export class AuthPayload {
  @Field()
  accessToken!: string;

  @Field()
  refreshToken!: string;

  @Field()
  accessTokenExpiresAt!: Date;

  @Field(() => User)
  user!: User;

  @Field(() => TenantSummary, { nullable: true })
  tenant!: TenantSummary | null;

  @Field(() => RoleEnum, { nullable: true })
  role!: Role | null;
}

@ObjectType('TokenInfo')
export class TokenInfo {
  @Field()
  valid!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the token is not valid.' })
  reason!: string | null;

  @Field(() => ID, { nullable: true })
  userId!: string | null;

  @Field(() => ID, { nullable: true })
  tenantId!: string | null;

  @Field(() => RoleEnum, { nullable: true })
  role!: Role | null;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;
}
