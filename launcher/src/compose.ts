import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { loadConfig, SERVICE_NAMES } from '@perfanalysis/platform';
import { parse, printSchema } from 'graphql';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SUBGRAPHS } from './subgraphs.js';

const SCHEMA_DIR = path.resolve(__dirname, '../../schema');

/**
 * Prints each subgraph's SDL to schema/<name>.graphql and composes schema/supergraph.graphql.
 * A composition error fails the command (exit 1) and writes nothing.
 */
async function main(): Promise<void> {
  const config = loadConfig({});
  const services = [];
  for (const name of SERVICE_NAMES) {
    const sdl = printSubgraphSchema(await SUBGRAPHS[name].buildSchema());
    services.push({ name, url: config.subgraphUrls[name], sdl });
  }
  const result = composeServices(services.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors?.length) {
    for (const error of result.errors) console.error(`composition error: ${error.message}`);
    process.exit(1);
  }
  mkdirSync(SCHEMA_DIR, { recursive: true });
  for (const s of services) writeFileSync(path.join(SCHEMA_DIR, `${s.name}.graphql`), `${s.sdl.trim()}\n`);
  writeFileSync(path.join(SCHEMA_DIR, 'supergraph.graphql'), `${result.supergraphSdl!.trim()}\n`);
  // The client-facing API schema (no join__ machinery): what codegen and clients read.
  writeFileSync(path.join(SCHEMA_DIR, 'api.graphql'), `${printSchema(result.schema!.toAPISchema().toGraphQLJSSchema()).trim()}\n`);
  console.log(`composed ${services.length} subgraphs into schema/supergraph.graphql`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
