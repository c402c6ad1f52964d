// Admins' topic examples and the versioned topic models. Exactly one model is active; training
// adds a version and activates it, `classifier use` switches back to any earlier one.
import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from './database.js';
import { classifierExamples, classifierModels } from './schema.js';

export async function addExample(db: Db, example: { topic: string; text: string; source: string }): Promise<number> {
  const [row] = await db.insert(classifierExamples).values(example).returning({ id: classifierExamples.id });
  return row!.id;
}

export async function listExamples(db: Db): Promise<{ topic: string; text: string }[]> {
  return db.select({ topic: classifierExamples.topic, text: classifierExamples.text }).from(classifierExamples).orderBy(asc(classifierExamples.id));
}

export async function saveModel(db: Db, model: { json: string; exampleCount: number; evaluation: object }): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.update(classifierModels).set({ active: false }).where(eq(classifierModels.active, true));
    const [row] = await tx
      .insert(classifierModels)
      .values({ model: model.json, exampleCount: model.exampleCount, evaluation: model.evaluation, active: true })
      .returning({ version: classifierModels.version });
    return row!.version;
  });
}

export async function activeModel(db: Db): Promise<{ version: number; model: string } | null> {
  const [row] = await db
    .select({ version: classifierModels.version, model: classifierModels.model })
    .from(classifierModels)
    .where(eq(classifierModels.active, true))
    .orderBy(desc(classifierModels.version))
    .limit(1);
  return row ?? null;
}

/** Makes `version` the active model; false when there is no such version. */
export async function useModel(db: Db, version: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ v: classifierModels.version }).from(classifierModels).where(eq(classifierModels.version, version));
    if (!found) return false;
    await tx.update(classifierModels).set({ active: false }).where(eq(classifierModels.active, true));
    await tx.update(classifierModels).set({ active: true }).where(eq(classifierModels.version, version));
    return true;
  });
}

export async function listModels(db: Db) {
  return db
    .select({ version: classifierModels.version, active: classifierModels.active, exampleCount: classifierModels.exampleCount, evaluation: classifierModels.evaluation, createdAt: classifierModels.createdAt })
    .from(classifierModels)
    .orderBy(asc(classifierModels.version));
}
