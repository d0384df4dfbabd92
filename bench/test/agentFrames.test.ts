import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTransport, silentLogger } from '@perfanalysis/agent';
import { WebSocketServer } from 'ws';
import { channelInit, channelSubscribe, trickleBody } from '../lib/agentFrames.js';
import { channelAgent, fleetValues } from '../lib/fleetSimulator.js';

const T = Date.UTC(2026, 11, 3, 19, 0, 0, 123);

describe('the fleet simulators send what the agent sends', () => {
  it('channel: connection_init and subscribe are the bytes of the agent’s channel transport', async () => {
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await once(server, 'listening');
    const frames: string[] = [];
    server.on('connection', (socket) =>
      socket.on('message', (data) => {
        const text = data.toString();
        frames.push(text);
        const message = JSON.parse(text) as { id?: string; type: string };
        if (message.type === 'connection_init') socket.send('{"type":"connection_ack"}');
        if (message.type === 'subscribe') {
          socket.send(JSON.stringify({ id: message.id, type: 'next', payload: { data: { tricklePoints: { accepted: 1 } } } }));
          socket.send(JSON.stringify({ id: message.id, type: 'complete' }));
        }
      }),
    );
    const server_ = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const transport = createTransport('channel', { server: server_, apiKey: 'pa_key_one', machineId: 'm', log: silentLogger });
    try {
      await transport.sendBatch([{ timestamp: T, ...fleetValues(7) }]);
      expect(frames).toHaveLength(2);
      const id = (JSON.parse(frames[1]!) as { id: string }).id;
      expect(frames[0]).toBe(channelInit('pa_key_one'));
      expect(frames[1]).toBe(channelSubscribe(fleetValues(7))(T, id));
      // Another agent's values and time are spliced, not copied.
      expect(channelSubscribe(fleetValues(8))(T + 1, id)).not.toBe(frames[1]);
    } finally {
      await transport.close?.();
      server.close();
    }
  });

  it('channel simulator: an acknowledgement resolves, a refusal rejects with its message', async () => {
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await once(server, 'listening');
    let sends = 0;
    server.on('connection', (socket) =>
      socket.on('message', (data) => {
        const message = JSON.parse(data.toString()) as { id?: string; type: string };
        if (message.type === 'connection_init') socket.send('{"type":"connection_ack"}');
        if (message.type !== 'subscribe') return;
        const payload = ++sends === 1 ? { data: { tricklePoints: { accepted: 1 } } } : { errors: [{ message: 'Too many requests' }] };
        socket.send(JSON.stringify({ id: message.id, type: 'next', payload }));
        socket.send(JSON.stringify({ id: message.id, type: 'complete' }));
      }),
    );
    const agent = await channelAgent(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 'pa_key', 1);
    try {
      await expect(agent.send(T)).resolves.toBeUndefined();
      await expect(agent.send(T + 1000)).rejects.toThrow('Too many requests');
    } finally {
      agent.close();
      server.close();
    }
  });

  it('HTTP: the body is the bytes of the agent’s trickle transport', async () => {
    const bodies: string[] = [];
    const headers: http.IncomingHttpHeaders[] = [];
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        bodies.push(Buffer.concat(chunks).toString());
        headers.push(req.headers);
        res.setHeader('content-type', 'application/json');
        res.end('{"data":{"tricklePoints":{"accepted":1,"duplicates":0}}}');
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const transport = createTransport('trickle', { server: url, apiKey: 'pa_key_two', machineId: 'm', log: silentLogger });
    try {
      await transport.sendBatch([{ timestamp: T, ...fleetValues(3) }]);
      expect(bodies).toEqual([trickleBody(fleetValues(3))(T)]);
      expect(headers[0]).toMatchObject({
        authorization: 'Bearer pa_key_two',
        'content-type': 'application/json',
        accept: 'application/json',
      });
    } finally {
      server.close();
    }
  });
});
