// The store contract on SQLite: each database is its own DATA_DIR, each store its own connection.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DB_FILE, openSqliteStore } from '../../src/store/sqlite.js';
import { openSqlite } from '../../src/store/sqliteDriver.js';
import { tempDir } from '../core/digest/fakes.js';
import { storeContract, type ContractDatabase } from './contract/contract.js';

function sqliteDatabase(): ContractDatabase {
  const dataDir = tempDir();
  return {
    open: async ({ deliveryTtlMs, ...options }) => openSqliteStore({ dataDir, ...options, ...(deliveryTtlMs === undefined ? {} : { deliveryTtlMs }) }),
    rows: async () => {
      const db = openSqlite(join(dataDir, DB_FILE), { readonly: true });
      try {
        const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
        return Object.fromEntries(tables.map(({ name }) => [name, db.prepare<[], Record<string, unknown>>(`SELECT * FROM "${name}"`).all()]));
      } finally {
        db.close();
      }
    },
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

storeContract('the SQLite store', () => ({ database: async () => sqliteDatabase() }));
