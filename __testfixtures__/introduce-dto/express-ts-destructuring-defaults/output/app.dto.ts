// Request shapes inferred by remodel introduce-dto from how the handlers read them. They describe what the handlers
// expect; nothing checks them at run time (JSON bodies and query strings can hold anything).

export interface CreateInviteBody {
  email: string;
  role?: string;
  sendMail?: boolean;
  team: {
    id: number;
  };
}

export type ListInvitesQuery = {
  page?: string;
  sort: string;
};
