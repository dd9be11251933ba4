import { format } from 'util';

export default (name) => format('hello %s', name);
