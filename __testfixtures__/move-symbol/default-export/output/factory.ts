import { routes } from './routes';

export default function createApp(name: string) {
  return { name, routes };
}
