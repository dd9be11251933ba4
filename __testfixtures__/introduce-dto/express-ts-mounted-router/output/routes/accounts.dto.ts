// Request shapes inferred by remodel introduce-dto from how the handlers read them. They describe what the handlers
// expect; nothing checks them at run time (JSON bodies and query strings can hold anything).

export interface ListAccountsQuery {
  owner: string;
}

export interface AccountParams {
  accountId: string;
}

export interface AccountTransferParams {
  accountId: string;
}

export interface CreateAccountTransferBody {
  amount: number;
  to: string;
}
