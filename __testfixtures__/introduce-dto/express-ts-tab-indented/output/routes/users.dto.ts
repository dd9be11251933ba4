// Request shapes inferred by remodel introduce-dto from how the handlers read them. They describe what the handlers
// expect; nothing checks them at run time (JSON bodies and query strings can hold anything).

export type ListUsersQuery = {
	limit: string;
	search?: string;
};

export type UserParams = {
	id: string;
};

export interface CreateUserBody {
	name: string;
	email: string;
	age?: string;
}
