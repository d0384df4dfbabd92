import { type Role, RoleEnum, UserRef } from '@perfanalysis/platform';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum InvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(InvitationStatus, {
  name: 'InvitationStatus',
  description: 'PENDING until the invitee accepts or declines, an ADMIN revokes it, or it expires (INVITATION_TTL).',
});

/**
 * An offer of a role in a tenant, addressed to an e-mail (docs/tenancy.md "Invitations"). It
 * names the tenant by id, slug and name only: the invitee is not a member yet.
 */
@ObjectType('Invitation')
export class Invitation {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  tenantId!: string;

  @Field()
  tenantSlug!: string;

  @Field()
  tenantName!: string;

  @Field({ description: 'The invitee, as the ADMIN typed it (normalised); says nothing about whether it has an account.' })
  email!: string;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => UserRef, { nullable: true, description: 'The ADMIN who invited (null once that account is gone).' })
  invitedBy!: UserRef | null;

  @Field()
  createdAt!: Date;

  @Field()
  expiresAt!: Date;

  @Field(() => InvitationStatus)
  status!: InvitationStatus;
}
