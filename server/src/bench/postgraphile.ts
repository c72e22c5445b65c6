/**
 * PostGraphile v5 on the same database, for the side-by-side benchmark (not part of the product).
 *   DATABASE_URL=… PORT=0 node dist/bench/postgraphile.js
 * Amber preset (the v5 defaults: `allX`, `xByY` relations, `condition`, `orderBy`, cursor
 * connections) plus @graphile/pg-aggregates for the grouped aggregate; the
 * audit log is hidden (its `row_id` column clashes with the generated `rowId`). It connects as the
 * database owner: no row-level security, no field policy. Prints "PostGraphile API: <url>/graphql".
 */
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
import { jsonPgSmartTags } from 'postgraphile/utils';
import { PgAggregatesPreset } from '@graphile/pg-aggregates';

/** audit_log's `row_id` column clashes with PostGraphile's `rowId`; the benchmark does not read it. */
const HideAuditLogPlugin = jsonPgSmartTags({ version: 1, config: { class: { audit_log: { tags: { behavior: '-*' } } } } });

const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset, PgAggregatesPreset],
  plugins: [HideAuditLogPlugin],
  // Conditions and orders on every column, as PostGraphile v4 did by default (v5 limits them to indexed columns).
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL!, schemas: ['public'], poolConfig: { max: 20 } })],
  grafserv: { graphqlPath: '/graphql', graphiql: false, maxRequestLength: 1_000_000 },
  grafast: { explain: false },
  schema: { exportSchemaSDLPath: process.env.PGL_SCHEMA_PATH },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on('error', (e) => { console.error(e); process.exit(1); });
serv.addTo(server).then(() => {
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    const address = server.address();
    if (typeof address === 'object' && address) console.log(`PostGraphile API: http://127.0.0.1:${address.port}/graphql`);
  });
});
const stop = () => { server.close(); void Promise.resolve(pgl.release()).finally(() => process.exit(0)); };
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
