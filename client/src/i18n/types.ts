/** The shape of a catalogue: every language has exactly the French keys, each a string. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
