// The app's own declaration of a translation method: not i18n's, so what it does to the request is not known and the
// handler that calls it stays (extract-service-messages.test.ts installs it as i18n's declarations instead).
import 'express';

declare module 'express' {
  interface Request {
    __(phrase: string): string;
  }
  interface Response {
    __(phrase: string): string;
  }
}
