import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Invitation } from '../invitation/invitation.type.js';
import { Membership } from './membership.type.js';

export enum RoleGrantOutcome {
  ROLE_CHANGED = 'ROLE_CHANGED',
  INVITED = 'INVITED',
}
registerEnumType(RoleGrantOutcome, {
  name: 'RoleGrantOutcome',
  description: "ROLE_CHANGED: the e-mail's account is a member and now holds the role; INVITED: anyone else was invited.",
});

/**
 * What `grantRole` did. Whether or not an account has the e-mail, a non-member gets an
 * invitation and the same answer (docs/tenancy.md "Invitations").
 */
@ObjectType('RoleGrant')
export class RoleGrant {
  @Field(() => RoleGrantOutcome)
  outcome!: RoleGrantOutcome;

  @Field(() => Membership, { nullable: true, description: 'Set when the role of a member changed.' })
  membership!: Membership | null;

  @Field(() => Invitation, { nullable: true, description: 'Set when an invitation was sent (or renewed).' })
  invitation!: Invitation | null;
}
