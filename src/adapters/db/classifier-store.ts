// Admins' topic examples and the versioned models. `classifier train` stores a candidate version (not
// active); `classifier activate` and `classifier use` make a version the active one, each change recorded
// in classifier_activations with its reason. At most one version is active; with none, the shipped models run.
import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from './database.js';
import { classifierActivations, classifierExamples, classifierModels } from './schema.js';

export type ModelFormat = 'topic' | 'analysis';

export async function addExample(db: Db, example: { topic: string; text: string; source: string }): Promise<number> {
  const [row] = await db.insert(classifierExamples).values(example).returning({ id: classifierExamples.id });
  return row!.id;
}

export async function listExamples(db: Db): Promise<{ topic: string; text: string }[]> {
  return db.select({ topic: classifierExamples.topic, text: classifierExamples.text }).from(classifierExamples).orderBy(asc(classifierExamples.id));
}

/** Stores a trained version, inactive: it goes live only through `activateModel`. */
export async function saveCandidate(db: Db, model: { json: string; format: ModelFormat; exampleCount: number; evaluation: object }): Promise<number> {
  const [row] = await db
    .insert(classifierModels)
    .values({ model: model.json, format: model.format, exampleCount: model.exampleCount, evaluation: model.evaluation, active: false })
    .returning({ version: classifierModels.version });
  return row!.version;
}

export interface StoredModel {
  version: number;
  model: string;
  format: ModelFormat;
  /** What `classifier train` recorded: the figures it scored and on which evaluation set. */
  evaluation: unknown;
}

const storedColumns = { version: classifierModels.version, model: classifierModels.model, format: classifierModels.format, evaluation: classifierModels.evaluation };

export async function activeModel(db: Db): Promise<StoredModel | null> {
  const [row] = await db.select(storedColumns).from(classifierModels).where(eq(classifierModels.active, true)).orderBy(desc(classifierModels.version)).limit(1);
  return row ? { ...row, format: row.format as ModelFormat } : null;
}

/** Only the active version's number (null: the shipped models): a cheap check for a daemon that runs for weeks. */
export async function activeVersion(db: Db): Promise<number | null> {
  const [row] = await db.select({ version: classifierModels.version }).from(classifierModels).where(eq(classifierModels.active, true)).orderBy(desc(classifierModels.version)).limit(1);
  return row?.version ?? null;
}

export async function modelVersion(db: Db, version: number): Promise<StoredModel | null> {
  const [row] = await db.select(storedColumns).from(classifierModels).where(eq(classifierModels.version, version));
  return row ? { ...row, format: row.format as ModelFormat } : null;
}

export interface Activation {
  /** The version to make active; null goes back to the shipped models. */
  version: number | null;
  action: 'activate' | 'force' | 'use';
  reason: string | null;
  drops: object[];
  at: Date;
}

/** Makes `version` the only active one and records why; false when there is no such version. */
export async function activateModel(db: Db, activation: Activation): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { version } = activation;
    if (version !== null) {
      const [found] = await tx.select({ v: classifierModels.version }).from(classifierModels).where(eq(classifierModels.version, version)).for('update');
      if (!found) return false;
    }
    const previous = await tx.update(classifierModels).set({ active: false }).where(eq(classifierModels.active, true)).returning({ version: classifierModels.version });
    if (version !== null) await tx.update(classifierModels).set({ active: true }).where(eq(classifierModels.version, version));
    await tx.insert(classifierActivations).values({
      version: version ?? 0, previousVersion: previous[0]?.version ?? null, action: activation.action, reason: activation.reason, drops: activation.drops, at: activation.at,
    });
    return true;
  });
}

/** `classifier use`: a recorded rollback (or roll-forward) to any stored version. */
export function useModel(db: Db, version: number, at = new Date()): Promise<boolean> {
  return activateModel(db, { version, action: 'use', reason: null, drops: [], at });
}

export async function listModels(db: Db) {
  return db
    .select({
      version: classifierModels.version, active: classifierModels.active, format: classifierModels.format,
      exampleCount: classifierModels.exampleCount, evaluation: classifierModels.evaluation, createdAt: classifierModels.createdAt,
    })
    .from(classifierModels)
    .orderBy(asc(classifierModels.version));
}

export async function listActivations(db: Db) {
  return db.select().from(classifierActivations).orderBy(asc(classifierActivations.id));
}
