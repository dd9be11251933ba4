// Business logic of routes/questions.ts, moved out of its route handlers by remodel extract-service.
import { findAnswer, findQuestion, notify } from '../models.js';

export interface ListRepeatNotificationsInput {
  name: string;
}

export class RepeatNotificationsService {
  /**
   * GET /rest/repeat-notification (routes/questions.ts)
   */
  listRepeatNotifications(input: ListRepeatNotificationsInput) {
    const { name } = input;
    const sent = notify(name);
    if (sent) {
      console.log('sent', name);
    }
  }
}
