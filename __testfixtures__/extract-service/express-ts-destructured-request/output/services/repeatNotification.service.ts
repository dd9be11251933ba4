// Business logic of routes/questions.ts, moved out of its route handlers by remodel extract-service.
import { notify } from '../models';

export interface GetRepeatNotificationInput {
  name: string;
}

export class RepeatNotificationService {
  /**
   * GET /rest/repeat-notification (routes/questions.ts)
   */
  getRepeatNotification(input: GetRepeatNotificationInput) {
    const { name } = input;
    const sent = notify(name);
    if (sent) {
      console.log('sent', name);
    }
  }
}
