import { Kind } from 'graphql';
import * as documents from './generated/graphql.js';

/**
 * The names of every operation the SDK sends. Services label their Prometheus series with
 * these and count any other name as `other`, so callers cannot create series at will.
 */
export const SDK_OPERATION_NAMES: ReadonlySet<string> = new Set(
  Object.values(documents).flatMap((value) => {
    const definitions = (value as { kind?: string; definitions?: { kind: string; name?: { value: string } }[] })?.definitions;
    if ((value as { kind?: string })?.kind !== Kind.DOCUMENT || !definitions) return [];
    return definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION && d.name).map((d) => d.name!.value);
  }),
);
