// Request shapes inferred by remodel introduce-dto from how the handlers read them. They describe what the handlers
// expect; nothing checks them at run time (JSON bodies and query strings can hold anything).

export interface CreateSigninBody {
  email: unknown;
  password: any; // remodel: fallback, no use tells its type and `unknown` does not compile here
}
