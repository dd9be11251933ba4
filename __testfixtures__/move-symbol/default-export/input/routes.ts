export const routes = ['/users', '/orders'];
