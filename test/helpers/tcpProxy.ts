// A TCP proxy on loopback in front of a test server (Azurite), which a test can cut, so the
// server seems to vanish (connections refused) or to stop answering (connections accepted,
// nothing forwarded), and restore. Deterministic, unlike freezing the server's process.
import net from 'node:net';

export interface TcpProxy {
  port: number;
  /** Refuses new connections and resets open ones, like a host that is gone. */
  refuse(): Promise<void>;
  /** Accepts connections and forwards nothing, like a network that drops packets. */
  blackhole(): Promise<void>;
  /** Forwards again, on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  let mode: 'forward' | 'blackhole' = 'forward';
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => client.destroy());
    if (mode === 'blackhole') return;
    const upstream = net.connect(targetPort, '127.0.0.1');
    open.add(upstream);
    upstream.on('close', () => open.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  const listen = (port: number) => new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
  const resetAll = () => {
    for (const socket of open) socket.resetAndDestroy();
  };
  const stopListening = () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));

  await listen(0);
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    async refuse() {
      const closed = stopListening();
      resetAll();
      await closed;
    },
    async blackhole() {
      mode = 'blackhole';
      resetAll();
    },
    async restore() {
      mode = 'forward';
      if (!server.listening) await listen(port);
    },
    async close() {
      const closed = stopListening();
      resetAll();
      await closed;
    },
  };
}
