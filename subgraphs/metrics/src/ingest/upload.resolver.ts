import type { SubgraphContext } from '@perfanalysis/platform';
import { type FileUpload, GraphQLUpload } from 'graphql-upload-minimal';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { UploadResult } from './upload.types.js';
import { asUploadError } from './uploadErrors.js';
import { uploadFile } from './uploadFile.js';

@Resolver()
export class UploadResolver {
  @Authorized('ADMIN', 'COLLECTOR')
  @Mutation(() => UploadResult, {
    description:
      'A CSV file of metrics, or a pcc collection (raw measurements as NDJSON or a JSON array), as a GraphQL multipart request ' +
      '(send `apollo-require-preflight: true`). All rows are stored or none. `machineId` names the machine when a CSV has no ' +
      'machine_id column, and the machine of a collection (a collector key uploads for its own).',
  })
  async uploadMetrics(
    @Arg('file', () => GraphQLUpload) file: Promise<FileUpload>,
    @Arg('machineId', () => String, { nullable: true }) machineId: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<UploadResult> {
    let stream: ReturnType<FileUpload['createReadStream']>;
    let upload: FileUpload;
    try {
      upload = await file;
      stream = upload.createReadStream();
    } catch (error) {
      // The multipart request ended without this file or broke off in it (a wrong field name, a cut-off or
      // malformed body; createReadStream throws the parser's error): the sender's mistake.
      throw asUploadError(error, ctx.runtime.config.limits.uploadMaxBytes);
    }
    const result = await uploadFile(ctx, stream, upload.filename ?? null, machineId ?? undefined);
    return Object.assign(new UploadResult(), result);
  }
}
