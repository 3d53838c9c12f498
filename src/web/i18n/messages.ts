/** The English side of a message table must have the same keys as the Japanese side. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
