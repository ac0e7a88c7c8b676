/**
 * One behaviour suite for every Store implementation, run unchanged against SQLite
 * (tests/store/contract.sqlite.test.ts) and a real PostgreSQL server
 * (tests/store/contract.postgres.test.ts). What only one of them has (file modes, WAL, crash
 * recovery, the native binding; the advisory lock, DATABASE_URL) is tested beside it instead.
 */
import { describe } from 'vitest';
import { digestContract } from './digest.js';
import { expiringContract } from './expiring.js';
import { useDatabases, type ContractTarget } from './harness.js';
import { logsContract } from './logs.js';
import { questionQueueContract } from './questionQueue.js';
import { replicasContract } from './replicas.js';

export type { ContractDatabase, ContractTarget, OpenOptions } from './harness.js';

/** Registers the whole contract under `name`; `target` is called only once a test runs. */
export function storeContract(name: string, target: () => ContractTarget): void {
  describe(name, () => {
    const fresh = useDatabases(target);
    digestContract(fresh);
    logsContract(fresh);
    questionQueueContract(fresh);
    expiringContract(fresh);
    replicasContract(fresh);
  });
}
