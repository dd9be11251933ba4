/**
 * Recipes: named, ordered lists of transforms with options, run as one change set (each step sees the output of
 * the steps before it). Built-in recipes live here; users add their own in the config file (see config.ts).
 */
export interface RecipeStep {
  /** A built-in transform name, a local transform from a config `transforms` folder, or a module path. */
  transform: string;
  options: Record<string, unknown>;
}

export interface Recipe {
  name: string;
  description: string;
  steps: RecipeStep[];
  /** `builtin`, or the config file that declared it. */
  source: string;
}

const step = (transform: string, options: Record<string, unknown> = {}): RecipeStep => ({ transform, options });

/**
 * Order matters: prototype-to-class runs before the syntax steps so that they see class methods; arrow-callbacks
 * runs before promise-to-async, which then meets arrows whose `this` is already lexical; promise-to-async runs last
 * so that callback-to-async's awaits and its conversions end up in the same async functions.
 */
export const BUILTIN_RECIPES: Recipe[] = [
  {
    name: 'modernize',
    description: 'all syntax modernizations, in a safe order, without touching the module system (no require → import)',
    source: 'builtin',
    steps: [
      step('no-var'),
      step('prototype-to-class'),
      step('object-shorthand'),
      step('arrow-callbacks'),
      step('default-params'),
      step('template-literals'),
      step('includes'),
      step('optional-chaining'),
      step('callback-to-async'),
      step('promise-to-async'),
    ],
  },
  {
    name: 'layered',
    description: 'typed DTOs for request data, then thin controllers over a service layer (introduce-dto, extract-service)',
    source: 'builtin',
    steps: [step('introduce-dto'), step('extract-service')],
  },
];
