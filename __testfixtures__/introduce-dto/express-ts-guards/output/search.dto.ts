// Request shapes inferred by remodel introduce-dto from how the handlers read them. They describe what the handlers
// expect; nothing checks them at run time (JSON bodies and query strings can hold anything).

export type ListSearchQuery = {
  q: string;
  tag: string[];
  debug: string;
};

export interface CreateSearchSavedBody {
  name?: string;
  label?: string;
}
