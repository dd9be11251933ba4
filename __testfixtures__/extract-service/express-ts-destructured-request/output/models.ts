export interface Question { id: number; text: string }
export interface Answer { questionId: number; email: string }

const answers: Answer[] = [{ questionId: 1, email: 'a@example.com' }];
const questions: Question[] = [{ id: 1, text: 'Your first pet?' }];

export async function findAnswer(email: string | undefined): Promise<Answer | null> {
  return answers.find((a) => a.email === email) ?? null;
}
export async function findQuestion(id: number): Promise<Question | null> {
  return questions.find((q) => q.id === id) ?? null;
}
export function notify(name: string): boolean {
  return name.length > 0;
}
