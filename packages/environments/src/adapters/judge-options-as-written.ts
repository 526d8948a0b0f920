import { z } from 'zod';

/** A shape whose defaulted fields are optional instead. */
export type ShapeAsWritten<Shape extends z.ZodRawShape> = {
  [Key in keyof Shape]: Shape[Key] extends z.ZodDefault<infer Inner> ? z.ZodOptional<Inner> : Shape[Key];
};

/**
 * A judge's option schema as a config states it: the same keys and checks, strict, but with no
 * defaults filled in (each default is kept as documentation for the JSON Schema). A parsed config is
 * hashed into the run id, so filling in a judge's defaults here would give every existing config a new
 * run id, and its recorded run would no longer resume; the judge applies its defaults itself.
 */
export function judgeOptionsAsWritten<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
): z.ZodObject<ShapeAsWritten<Shape>, z.core.$strict> {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [
      key,
      field instanceof z.ZodDefault
        ? (field.unwrap() as z.ZodType).optional().meta({ default: field.def.defaultValue as never })
        : field,
    ]),
  );
  return z.strictObject(shape) as unknown as z.ZodObject<ShapeAsWritten<Shape>, z.core.$strict>;
}
