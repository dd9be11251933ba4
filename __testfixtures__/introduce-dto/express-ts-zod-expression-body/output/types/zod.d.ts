// Minimal stand-in for zod's types (the fixture runs outside the repository's node_modules).
declare module 'zod' {
  export namespace z {
    interface ZodIssue {
      path: Array<string | number>;
      message: string;
    }
    type SafeParseResult<T> = { success: true; data: T } | { success: false; error: { issues: ZodIssue[] } };
    interface ZodType<T> {
      _output: T;
      optional(): ZodType<T | undefined>;
      nullable(): ZodType<T | null>;
      nullish(): ZodType<T | null | undefined>;
      safeParse(value: unknown): SafeParseResult<T>;
    }
    type Shape = Record<string, ZodType<any>>;
    type OptionalKeys<S extends Shape> = { [K in keyof S]: undefined extends S[K]['_output'] ? K : never }[keyof S];
    type ObjectOutput<S extends Shape> = { [K in Exclude<keyof S, OptionalKeys<S>>]: S[K]['_output'] } & {
      [K in OptionalKeys<S>]?: S[K]['_output'];
    };
    function string(): ZodType<string>;
    function number(): ZodType<number>;
    function boolean(): ZodType<boolean>;
    function unknown(): ZodType<unknown>;
    function any(): ZodType<any>;
    function literal<T extends string | number | boolean>(value: T): ZodType<T>;
    function array<T>(item: ZodType<T>): ZodType<T[]>;
    function union<T extends ZodType<any>[]>(options: T): ZodType<T[number]['_output']>;
    function record<V>(key: ZodType<string>, value: ZodType<V>): ZodType<Record<string, V>>;
    function object<S extends Shape>(shape: S): ZodType<{ [K in keyof ObjectOutput<S>]: ObjectOutput<S>[K] }>;
    type infer<T extends ZodType<any>> = T['_output'];
  }
}
