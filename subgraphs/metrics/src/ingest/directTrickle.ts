import type { MetricPoint } from '@perfanalysis/contract';
import type { DirectOperation } from '@perfanalysis/platform';
import {
  type FieldNode,
  getNamedType,
  getVariableValues,
  type GraphQLObjectType,
  type GraphQLScalarType,
  type GraphQLSchema,
  Kind,
  locatedError,
  type OperationDefinitionNode,
  parse,
  print,
} from 'graphql';
import { type DeviceSampleInput, pointFromInput } from '../point/pointInput.js';
import { plainPointsReader } from './plainPoints.js';
import type { TrickleAck } from './trickle.types.js';
import { tricklePoints } from './tricklePoints.js';

/** The argument's one type: the schema's own, so a document using it is valid without a validation pass. */
const POINTS_TYPE = '[MetricPointInput!]!';
/** Query texts already judged: agents send the same few documents over and over. */
const MAX_REMEMBERED = 256;

/** A plain trickle document, judged once. */
interface TricklePlan {
  readonly operation: OperationDefinitionNode;
  readonly field: FieldNode;
  /** The variable carrying the points. */
  readonly variable: string;
  /** The acknowledgement fields selected, in order. */
  readonly selected: readonly string[];
}

const bare = (node: FieldNode) => !node.alias && !node.directives?.length && !node.arguments?.length && !node.selectionSet;

/**
 * One `mutation($points: [MetricPointInput!]!) { tricklePoints(points: $points) { …ack fields } }`
 * and nothing else (no fragments, aliases, directives, defaults, repeated fields): a document
 * that shape is valid against the schema by construction. Anything else: null.
 */
function planOf(query: string, ackFields: ReadonlySet<string>): TricklePlan | null {
  let document;
  try {
    document = parse(query);
  } catch {
    return null;
  }
  const [operation, ...others] = document.definitions;
  if (others.length || operation?.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'mutation') return null;
  if (operation.directives?.length || operation.selectionSet.selections.length !== 1) return null;
  const field = operation.selectionSet.selections[0]!;
  if (field.kind !== Kind.FIELD || field.name.value !== 'tricklePoints' || field.alias || field.directives?.length) return null;
  const [argument, ...moreArguments] = field.arguments ?? [];
  const [definition, ...moreDefinitions] = operation.variableDefinitions ?? [];
  if (moreArguments.length || argument?.name.value !== 'points' || argument.value.kind !== Kind.VARIABLE) return null;
  if (moreDefinitions.length || !definition || definition.variable.name.value !== argument.value.name.value) return null;
  if (definition.defaultValue || definition.directives?.length || print(definition.type) !== POINTS_TYPE) return null;
  const selected: string[] = [];
  for (const selection of field.selectionSet?.selections ?? []) {
    if (selection.kind !== Kind.FIELD || !bare(selection) || !ackFields.has(selection.name.value)) return null;
    if (selected.includes(selection.name.value)) return null;
    selected.push(selection.name.value);
  }
  return selected.length ? { operation, field, variable: argument.value.name.value, selected } : null;
}

/** The points as graphql-js coerces the variables; undefined when it refuses them (Apollo then answers). */
function coercedPoints(schema: GraphQLSchema, plan: TricklePlan, variables: object): MetricPoint[] | undefined {
  const coerced = getVariableValues(schema, plan.operation.variableDefinitions!, variables as Record<string, unknown>);
  if (coerced.errors) return undefined;
  const inputs = coerced.coerced[plan.variable] as ({ timestamp: Date; devices?: DeviceSampleInput[] | null } & Record<string, unknown>)[];
  return inputs.map(pointFromInput);
}

/**
 * The metrics subgraph's direct runner for the gateway's batches (docs/ingest.md, "One request
 * for many trickles"): a plain `tricklePoints` of a collector's API key runs the resolver's own
 * `tricklePoints` without Apollo, type-graphql or an execution pass — the points read as graphql-js
 * coerces them (plainPoints.ts for the shape agents send, graphql-js itself for any other; a
 * refusal: Apollo answers it), the same authorisation
 * (`@Authorized('COLLECTOR')` is any API key with a tenant), and the ack serialised by the
 * schema's scalars. An error is located on the field as execution locates it.
 */
export function directTrickle(schema: GraphQLSchema): DirectOperation {
  const ackType = schema.getType('TrickleAck') as GraphQLObjectType<TrickleAck>;
  const ackFields = ackType.getFields();
  const ackNames = new Set([...Object.keys(ackFields), '__typename']);
  const readPlain = plainPointsReader(schema);
  const plans = new Map<string, TricklePlan | null>();
  const planFor = (query: string) => {
    let plan = plans.get(query);
    if (plan === undefined) {
      plan = planOf(query, ackNames);
      if (plans.size >= MAX_REMEMBERED) plans.clear();
      plans.set(query, plan);
    }
    return plan;
  };
  const serialise = (ack: TrickleAck, name: string): unknown => {
    if (name === '__typename') return ackType.name;
    const value = ack[name as keyof TrickleAck];
    return value === null ? null : (getNamedType(ackFields[name]!.type) as GraphQLScalarType).serialize(value);
  };
  return (request, context) => {
    const { principal, tenant } = context.identity;
    if (principal?.kind !== 'collector' || !tenant) return undefined;
    const plan = planFor(request.query);
    if (!plan) return undefined;
    const name = plan.operation.name?.value ?? null;
    if (request.operationName !== undefined && request.operationName !== null && request.operationName !== name) return undefined;
    const { variables } = request;
    if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) return undefined;
    const points = readPlain((variables as Record<string, unknown>)[plan.variable]) ?? coercedPoints(schema, plan, variables);
    if (!points) return undefined;
    const result = tricklePoints(context, points).then(
      (ack) => ({ data: { tricklePoints: Object.fromEntries(plan.selected.map((field) => [field, serialise(ack, field)])) } }),
      (error: unknown) => ({ errors: [locatedError(error, [plan.field], ['tricklePoints'])], data: null }),
    );
    return { operation: { name, type: 'mutation' }, result };
  };
}
