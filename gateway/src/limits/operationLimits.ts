import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { Config } from '@perfanalysis/platform';
import { type ASTVisitor, GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { fragmentsOf, rootFieldNames } from './rateLimitRules.js';

/** The document limits of `Config['limits']`, shared by HTTP (Apollo Server) and graphql-ws (LivePlanner). */
export interface OperationLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxRootFields: number;
  readonly maxTokens: number;
  readonly maxDirectives: number;
  readonly maxCost: number;
}

export function operationLimitsOf(limits: Config['limits']): OperationLimits {
  const { maxDepth, maxAliases, maxRootFields, maxTokens, maxDirectives, maxCost } = limits;
  return { maxDepth, maxAliases, maxRootFields, maxTokens, maxDirectives, maxCost };
}

/** At most `max` root fields per operation (Apollo Router's `max_root_fields`), fragments included. */
export function maxRootFieldsRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const count = rootFieldNames(operation.selectionSet, fragmentsOf(context.getDocument())).length;
      if (count > max)
        context.reportError(new GraphQLError(`Root fields limit of ${max} exceeded, found ${count}.`, { nodes: [operation] }));
    },
  });
}

/**
 * Validation rules beyond graphql-js's own: graphql-armor's depth, alias, directive and cost
 * limits and our root-field limit. Violations are reported as validation errors
 * (GRAPHQL_VALIDATION_FAILED), never thrown. Fragments are flattened for depth and cost, so
 * splitting a query into fragments neither hides nor inflates its size. Token counts are a
 * parser option (`parseOptionsOf`).
 */
export function operationValidationRules(limits: OperationLimits): ValidationRule[] {
  const reject = {
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
  };
  return [
    maxDepthRule({ n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: true, ...reject }) as unknown as ValidationRule,
    maxAliasesRule({ n: limits.maxAliases, ...reject }) as unknown as ValidationRule,
    maxDirectivesRule({ n: limits.maxDirectives, ...reject }) as unknown as ValidationRule,
    costLimitRule({ maxCost: limits.maxCost, flattenFragments: true, ignoreIntrospection: true, ...reject }) as unknown as ValidationRule,
    maxRootFieldsRule(limits.maxRootFields),
  ];
}

/** graphql-js stops parsing past `maxTokens` (a syntax error), before any validation runs. */
export function parseOptionsOf(limits: OperationLimits): { maxTokens: number } {
  return { maxTokens: limits.maxTokens };
}
