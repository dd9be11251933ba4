import { routes } from './routes';

export default function createApp(name: string) {
  return { name, routes };
}

export const version = '1.0.0';
