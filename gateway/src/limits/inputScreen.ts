import type { ApolloServerPlugin } from '@apollo/server';
import { BadUserInputError, hasControlCharacter, withHttpStatus } from '@perfanalysis/platform';
import {
  type DocumentNode,
  getNamedType,
  type GraphQLInputType,
  type GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
} from 'graphql';

/** Longest DateTimeISO text: `+275760-09-13T00:00:00.000+00:00` and some room. */
const MAX_DATE_TEXT = 40;
const ISO_DATE = /^[+-]?\d{4,6}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
/** Years a date may name (docs/hostile-input.md): JavaScript reads ±275,760 years, PostgreSQL not all of them. */
const FIRST_YEAR = 1;
const LAST_YEAR = 9999;

function dateProblem(value: unknown): string | undefined {
  const ms = typeof value === 'string' && value.length <= MAX_DATE_TEXT && ISO_DATE.test(value) ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) return 'is not an ISO 8601 date-time (like 2026-01-31T12:00:00Z).';
  const year = new Date(ms).getUTCFullYear();
  if (year < FIRST_YEAR || year > LAST_YEAR) return `is outside the years ${FIRST_YEAR}–${LAST_YEAR}.`;
  return undefined;
}

function refuse(path: string, problem: string): never {
  throw withHttpStatus(new BadUserInputError(`${path} ${problem}`, { field: path }));
}

/** What is wrong with a value of a leaf type, or undefined. Only what subgraphs would answer with a 500. */
function leafProblem(typeName: string, value: unknown): string | undefined {
  if (typeof value === 'string' && hasControlCharacter(value)) return 'contains a control character.';
  if (typeName === 'Float' && typeof value === 'number' && !Number.isFinite(value)) return 'is not a finite number.';
  if (typeName === 'DateTimeISO') return dateProblem(value);
  return undefined;
}

/** Walks a variable's JSON value along its declared type. */
function screenValue(type: GraphQLInputType, value: unknown, path: string): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return screenValue(type.ofType, value, path);
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((item, i) => screenValue(type.ofType, item, `${path}[${i}]`));
    else screenValue(type.ofType, value, path);
    return;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object') return;
    const fields = type.getFields();
    for (const [name, field] of Object.entries(value as Record<string, unknown>)) {
      if (fields[name]) screenValue(fields[name].type, field, `${path}.${name}`);
    }
    return;
  }
  const problem = leafProblem(getNamedType(type).name, value);
  if (problem) refuse(path, problem);
}

function screenVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>): void {
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    const name = definition.variable.name.value;
    if (type) screenValue(type, variables[name], name);
  }
}

/**
 * Documents whose literals passed, per schema. Apollo Server hands the same parsed document to
 * every request of the same text (its document store), and walking it with type information was
 * a share of each repeated query's CPU; a refused document is walked (and refused) again.
 */
const passed = new WeakMap<DocumentNode, GraphQLSchema>();

/** Literals written into the document, judged by the input type they stand for. */
function screenLiterals(schema: GraphQLSchema, document: DocumentNode): void {
  if (passed.get(document) === schema) return;
  const typeInfo = new TypeInfo(schema);
  const leaf = (value: unknown, loc: string) => {
    const type = typeInfo.getInputType();
    const problem = leafProblem(type ? getNamedType(type).name : '', value);
    if (problem) refuse(loc, problem);
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      [Kind.STRING]: (node) => leaf(node.value, typeInfo.getArgument()?.name ?? 'a literal'),
      [Kind.FLOAT]: (node) => leaf(Number(node.value), typeInfo.getArgument()?.name ?? 'a literal'),
      [Kind.INT]: (node) => leaf(Number(node.value), typeInfo.getArgument()?.name ?? 'a literal'),
    }),
  );
  passed.set(document, schema);
}

/**
 * Refuses, before any subgraph sees them, input values that would otherwise reach SQL and
 * fail there as a 500: control characters (NUL) in any string, non-finite floats, and
 * DateTimeISO values that are not ISO dates. Answers 400 BAD_USER_INPUT naming the argument
 * path. See docs/hostile-input.md.
 */
export function inputScreenPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          screenVariables(schema, operation, request.variables ?? {});
          screenLiterals(schema, document);
        },
      };
    },
  };
}
