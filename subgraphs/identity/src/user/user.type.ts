import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { UserEntity } from './user.entity.js';

@Directive('@key(fields: "id")')
@ObjectType('User', { description: 'A person who logs in; roles are held per tenant.' })
export class User {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field()
  displayName!: string;

  @Field()
  createdAt!: Date;

  static from(entity: UserEntity): User {
    return Object.assign(new User(), { id: entity.id, email: entity.email, displayName: entity.displayName, createdAt: entity.createdAt });
  }
}
