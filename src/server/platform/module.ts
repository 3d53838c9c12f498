import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from './config';
import type { Engine } from './db/database';
import type { Database } from './db/schema';

/** What every module gets from the platform. */
export type ModuleDeps = {
  db: Kysely<Database>;
  config: Config;
  engine: Engine;
  /** Asks the mail worker to look at the outbox now (after a use case enqueued mail). */
  kickMail(): void;
};

/** A domain module: its routes and, optionally, its part of the demo data. */
export type ServerModule = {
  name: string;
  /**
   * Hooks that must be in place before ANY module's routes are added (the accounts module resolves
   * the session into `request.ctx.actor` here). Runs for every module before any `register`.
   */
  prepare?(app: FastifyInstance, deps: ModuleDeps): Promise<void>;
  register(app: FastifyInstance, deps: ModuleDeps): Promise<void>;
  /** Adds this module's demo data for a municipality; runs in module order on first start. */
  seedDemo?(deps: ModuleDeps, municipalityCode: string, log: (line: string) => void): Promise<void>;
};
