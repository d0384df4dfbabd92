import type { MetricColumn } from '@perfanalysis/contract';
import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import { COLUMN_BY_FIELD } from './columnFields.js';

type FieldNodes = GraphQLResolveInfo['fieldNodes'];

/** Per field nodes: the items of a list (or an `_entities` answer) share theirs. */
const known = new WeakMap<FieldNodes, readonly MetricColumn[]>();

/**
 * The metric columns the selection of a field returning a MetricPoint reads, fragments
 * included: a read then fetches those columns, not all of them.
 */
export function requestedColumns(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): readonly MetricColumn[] {
  let columns = known.get(info.fieldNodes);
  if (!columns) {
    const found = new Set<MetricColumn>();
    const walk = (selectionSet: SelectionSetNode | undefined): void => {
      for (const selection of selectionSet?.selections ?? []) {
        if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
        else if (selection.kind === Kind.FRAGMENT_SPREAD) walk(info.fragments[selection.name.value]?.selectionSet);
        else {
          const column = COLUMN_BY_FIELD.get(selection.name.value);
          if (column) found.add(column);
        }
      }
    };
    for (const node of info.fieldNodes) walk(node.selectionSet);
    known.set(info.fieldNodes, (columns = [...found]));
  }
  return columns;
}
