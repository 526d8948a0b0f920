/** The record schema version this Ratchet writes and the newest it reads. */
export const recordSchemaVersion = 2;
