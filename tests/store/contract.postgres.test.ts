// The store contract on a real PostgreSQL server: each database is a new schema, each store its
// own pool, with the salt every replica shares (PSEUDONYM_SALT in production) fixed per database.
import { randomBytes } from 'node:crypto';
import { openPostgresStore } from '../../src/store/postgres/store.js';
import { storeContract, type ContractDatabase } from './contract/contract.js';
import { describeWithPg, type PgAdmin } from './pgServer.js';

async function postgresDatabase(admin: PgAdmin): Promise<ContractDatabase> {
  const schema = await admin.freshSchema();
  const salt = randomBytes(32).toString('hex');
  return {
    open: ({ deliveryTtlMs, ...options }) =>
      openPostgresStore({ url: schema.url, salt, ...options, pool: { max: 4 }, ...(deliveryTtlMs === undefined ? {} : { deliveryTtlMs }) }),
    rows: () => schema.rows(),
    drop: () => schema.drop(),
  };
}

await describeWithPg('on PostgreSQL', (admin) => storeContract('the PostgreSQL store', () => ({ database: () => postgresDatabase(admin) })));
