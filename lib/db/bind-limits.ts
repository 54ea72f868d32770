// Statements that bind a list (multi-row INSERTs, IN lists, createMany) are cut into
// pieces that stay far below both engines' limits on parameters per statement: SQLite's
// SQLITE_MAX_VARIABLE_NUMBER (32,766) and PostgreSQL's 65,535 bind parameters (issue 11:
// no input the reader accepts can make a statement fail on its size).

/** Parameters one statement binds at most: well under SQLite's 32,766. */
export const MAX_BIND_PARAMS = 8_000;

/** Rows per statement for a row of `paramsPerRow` parameters. */
export const rowsPerStatement = (paramsPerRow: number): number =>
  Math.max(1, Math.floor(MAX_BIND_PARAMS / paramsPerRow));

/** `xs` in consecutive pieces of at most rowsPerStatement(paramsPerRow) items. */
export function* chunksFor<T>(xs: readonly T[], paramsPerRow: number): Generator<T[]> {
  const size = rowsPerStatement(paramsPerRow);
  for (let i = 0; i < xs.length; i += size) yield xs.slice(i, i + size);
}
