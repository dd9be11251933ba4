import dns from 'dns';

// dns.lookup's callback gets (err, address, family); the promise resolves { address, family }.
export async function describeHost(host: string, print: (line: string) => void): Promise<void> {
  dns.lookup(host, (err, addr: string, family: number) => {
    if (err) {
      print(`${host}: ${err.code}`);
      return;
    }
    print(`${host} is ${addr} (IPv${family})`);
  });
}
