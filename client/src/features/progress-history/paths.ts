/** The territory as it stood at the end of `day` (an ISO date), compared with today. */
export const territoryAtPath = (territoryId: number, day: string) =>
  `/territories/${territoryId}/at/${day}`;
