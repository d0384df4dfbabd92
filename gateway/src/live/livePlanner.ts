import { operationFromDocument, type Schema, Supergraph } from '@apollo/federation-internals';
import { buildOperationContext } from '@apollo/gateway';
import { type FetchNode, type PlanNode, QueryPlanner } from '@apollo/query-planner';
import {
  type DocumentNode,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  specifiedRules,
  validate,
  type ValidationRule,
} from 'graphql';

/** A client subscription, validated and planned. */
export interface PlannedSubscription {
  readonly document: DocumentNode;
  /** The document as printed (part of the sharing key). */
  readonly text: string;
  readonly operationName: string | undefined;
  readonly variables: Record<string, unknown>;
  /** The fetch sent to the subgraph owning the root field. */
  readonly primary: FetchNode;
  /** The variables `primary` uses. */
  readonly primaryVariables: Record<string, unknown>;
  /** Fetches of other subgraphs' fields, run per event; absent when the owner serves every field. */
  readonly rest: PlanNode | undefined;
  readonly operationContext: OperationContext;
  /** The root field's `since` (history replayed first): such a subscription is never shared. */
  readonly since: unknown;
  readonly shareable: boolean;
}

/** What executing the per-event part of a plan needs (the gateway's schemas). */
export interface PlanSchemas {
  readonly apiSchema: Schema;
  readonly supergraphSchema: GraphQLSchema;
}

const PLAN_CACHE_SIZE = 500;

/** The document limits HTTP applies (see operationLimits.ts), applied to subscriptions too. */
export interface LivePlannerLimits {
  /** Validation rules run after graphql-js's own (depth, aliases, root fields, directives, cost). */
  readonly rules: readonly ValidationRule[];
  readonly maxTokens: number;
  /** Drop "Did you mean …?" suggestions from validation messages (production). */
  readonly hideSchemaDetails: boolean;
}

/** graphql-js appends suggestions as ` Did you mean "x"?`; production removes them like Apollo Server does. */
function withoutSuggestions(error: GraphQLError): GraphQLError {
  const message = error.message.replace(/ ?Did you mean(.+?)\?$/, '');
  return message === error.message ? error : new GraphQLError(message, { nodes: error.nodes, extensions: error.extensions });
}

type OperationContext = ReturnType<typeof buildOperationContext>;

function withCode(errors: readonly GraphQLError[], code: string): GraphQLError[] {
  return errors.map(
    (e) => new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, extensions: { ...e.extensions, code } }),
  );
}

/** Thrown with GraphQL errors a socket client should see (validation, variables, an operation the socket does not take). */
export class SubscriptionRefused extends Error {
  constructor(readonly errors: readonly GraphQLError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

/** The value of the root field's `since` argument, when set (literal or variable). */
function sinceOf(operation: OperationDefinitionNode, variables: Record<string, unknown>): unknown {
  const root = operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
  const since = root?.kind === Kind.FIELD ? root.arguments?.find((a) => a.name.value === 'since') : undefined;
  if (!since) return undefined;
  if (since.value.kind === Kind.VARIABLE) return variables[since.value.name.value] ?? undefined;
  return since.value.kind === Kind.STRING ? since.value.value : since.value.kind === Kind.NULL ? undefined : print(since.value);
}

/**
 * Validates subscriptions against the gateway's API schema and plans them with the federation
 * query planner over the same supergraph: the plan's primary fetch goes to the subgraph the
 * join directives name as the owner of the root field (`@join__field` / `@join__type`), and its
 * `rest` fetches the fields of other subgraphs per event, exactly as for a query.
 */
export class LivePlanner {
  private readonly supergraph: Supergraph;
  private readonly planner: QueryPlanner;
  private readonly plans = new Map<string, { primary: FetchNode; rest: PlanNode | undefined; operationContext: OperationContext }>();
  /** Parsed and validated documents by their text: identical subscriptions share one (memory, CPU). */
  private readonly documents = new Map<string, { document: DocumentNode; text: string }>();
  readonly schemas: PlanSchemas;

  private readonly rules: readonly ValidationRule[];
  private readonly maxTokens: number;
  private readonly hideSchemaDetails: boolean;

  constructor(
    readonly apiSchema: GraphQLSchema,
    supergraphSdl: string,
    limits?: LivePlannerLimits,
  ) {
    this.rules = [...specifiedRules, ...(limits?.rules ?? [])];
    this.maxTokens = limits?.maxTokens ?? 10_000;
    this.hideSchemaDetails = limits?.hideSchemaDetails ?? false;
    this.supergraph = Supergraph.build(supergraphSdl);
    this.planner = new QueryPlanner(this.supergraph);
    this.schemas = { apiSchema: this.supergraph.apiSchema(), supergraphSchema: this.supergraph.schema.toGraphQLJSSchema() };
  }

  /** The document of `query`, parsed and validated against the API schema (cached by its text). */
  validated(query: string): DocumentNode {
    const parsed = this.parse(query);
    if ('errors' in parsed) throw new SubscriptionRefused(parsed.errors);
    return parsed.document;
  }

  private parse(query: string): { document: DocumentNode; text: string } | { errors: GraphQLError[] } {
    const cached = this.documents.get(query);
    if (cached) return cached;
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: this.maxTokens });
    } catch (error) {
      return { errors: withCode([error as GraphQLError], 'GRAPHQL_PARSE_FAILED') };
    }
    const found = validate(this.apiSchema, document, this.rules);
    const invalid = this.hideSchemaDetails ? found.map(withoutSuggestions) : found;
    if (invalid.length) return { errors: withCode(invalid, 'GRAPHQL_VALIDATION_FAILED') };
    const parsed = { document, text: print(document) };
    // Only valid, reasonably small documents are kept (junk must not fill memory).
    if (query.length <= 20_000) {
      if (this.documents.size >= PLAN_CACHE_SIZE) this.documents.delete(this.documents.keys().next().value!);
      this.documents.set(query, parsed);
    }
    return parsed;
  }

  plan(query: string, operationName: string | undefined, rawVariables: Record<string, unknown> | undefined): PlannedSubscription {
    const parsed = this.parse(query);
    if ('errors' in parsed) throw new SubscriptionRefused(parsed.errors);
    const { document, text } = parsed;
    const operation = getOperationAST(document, operationName);
    if (!operation) throw new SubscriptionRefused(withCode([new GraphQLError('Name the operation to run.')], 'BAD_REQUEST'));
    if (operation.operation !== 'subscription') {
      const message = 'Only subscriptions are served over WebSocket; send queries and mutations with HTTP POST.';
      throw new SubscriptionRefused(withCode([new GraphQLError(message)], 'BAD_REQUEST'));
    }
    const coerced = getVariableValues(this.apiSchema, operation.variableDefinitions ?? [], rawVariables ?? {});
    if (coerced.errors) throw new SubscriptionRefused(withCode(coerced.errors, 'BAD_USER_INPUT'));
    const variables = coerced.coerced;

    const planKey = `${operationName ?? ''}\n${text}`;
    let plan = this.plans.get(planKey);
    if (!plan) {
      const queryPlan = this.planner.buildQueryPlan(operationFromDocument(this.schemas.apiSchema, document, { operationName }));
      const node = queryPlan.node;
      if (node?.kind !== 'Subscription') throw new SubscriptionRefused([new GraphQLError('This subscription cannot be planned.')]);
      const operationContext = buildOperationContext({ schema: this.apiSchema, operationDocument: document, operationName });
      plan = { primary: node.primary, rest: node.rest, operationContext };
      if (this.plans.size >= PLAN_CACHE_SIZE) this.plans.delete(this.plans.keys().next().value!);
      this.plans.set(planKey, plan);
    }
    const primaryVariables = Object.fromEntries(
      (plan.primary.variableUsages ?? []).filter((name) => variables[name] !== undefined).map((name) => [name, variables[name]]),
    );
    return {
      document,
      text,
      operationName,
      variables,
      primary: plan.primary,
      primaryVariables,
      rest: plan.rest,
      operationContext: plan.operationContext,
      since: sinceOf(operation, variables),
      shareable: sinceOf(operation, variables) === undefined,
    };
  }
}
