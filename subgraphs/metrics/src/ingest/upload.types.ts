import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('UploadResult', { description: 'What a CSV upload stored: all rows of the file, or none.' })
export class UploadResult {
  @Field(() => Int, { description: 'Valid data rows read from the file.' })
  rowsProcessed!: number;

  @Field(() => Int, { description: 'Rows already stored (same machine and timestamp): skipped.' })
  duplicatesSkipped!: number;

  @Field(() => Date, { nullable: true, description: 'Earliest timestamp in the file.' })
  from!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Latest timestamp in the file.' })
  to!: Date | null;

  @Field(() => [String], { description: 'Machine ids the file carried.' })
  machines!: string[];

  @Field(() => [String], { description: 'Columns not part of any dialect: ignored, never fatal.' })
  ignoredColumns!: string[];
}
