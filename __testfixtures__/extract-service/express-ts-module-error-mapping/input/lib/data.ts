export interface Wallet { userId: string; balance: number }
export interface Captcha { id: number; question: string }

const wallets: Wallet[] = [{ userId: '1', balance: 100 }];
const captchas: Captcha[] = [{ id: 1, question: '1 + 1' }];

export async function findWallet(userId: string): Promise<Wallet | undefined> {
  return wallets.find((w) => w.userId === userId);
}

export async function findCaptcha(id: number): Promise<Captcha | undefined> {
  return captchas.find((c) => c.id === id);
}
