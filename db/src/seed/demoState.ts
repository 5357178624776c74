import type { ActionStatus, StageKind } from '@jalon/shared';
import type { Trx } from '../connection';
import type { Random } from './random';
import { FIRST_NAMES, LAST_NAMES, type DemoPlan, type DemoTerritoryCode } from './demoContent';

// What the demo seed's steps share: the transaction, the PRNG, "today" and the ids written so far.

export interface Seeding {
  trx: Trx;
  rng: Random;
  today: string;
  passwordHash: string;
  regionIds: Map<string, number>;
  orgIds: Map<string, number>;
  territoryIds: Map<DemoTerritoryCode, number>;
  userIds: Map<string, number>;
  userNames: Map<number, string>;
  usedNames: Set<string>;
}

export interface SeededAction {
  id: number;
  planId: number;
  planCode: string;
  territoryCode: DemoTerritoryCode;
  stageKind: StageKind;
  title: string;
  status: ActionStatus;
  progress: number;
  statusComment: string | null;
  ownerUserId: number;
  dueDate: string;
  completedOn: string | null;
}

export interface SeededStage {
  id: number;
  planId: number;
  planCode: string;
  kind: StageKind;
  actualEnd: string | null;
}

export interface SeededPlan {
  id: number;
  spec: DemoPlan;
  start: string;
  end: string;
  leadUserIds: number[];
  stages: SeededStage[];
  actions: SeededAction[];
}

export const stamp = (date: string, time = '09:00') => `${date}T${time}:00.000Z`;

export function idOf<K>(map: Map<K, number>, key: K): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`Demo data refers to unknown ${String(key)}`);
  return id;
}

/** A pseudonym not used elsewhere in the dataset. */
export function pseudonym(s: Seeding): string {
  for (;;) {
    const name = `${s.rng.pick(FIRST_NAMES)} ${s.rng.pick(LAST_NAMES)}`;
    if (!s.usedNames.has(name)) {
      s.usedNames.add(name);
      return name;
    }
  }
}
