import dns from 'dns';

// dns.lookup's callback gets (err, address, family); the promise resolves { address, family }.
export async function describeHost(host: string, print: (line: string) => void): Promise<void> {
  let addr: string, family: number;
  try {
    ({ address: addr, family } = await dns.promises.lookup(host));
  } catch (err: any) {
    print(`${host}: ${err.code}`);
    return;
  }
  print(`${host} is ${addr} (IPv${family})`);
}
