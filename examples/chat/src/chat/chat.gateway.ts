import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  WsException,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type WsClient,
  type WsResponse,
  type WsServer,
} from '@armature/websocket';
import { ChatTextPipe } from './chat-text.pipe';
import { NicknameGuard } from './nickname.guard';
import { RoomHistory, type ChatLine } from './room-history';
import { RoomNamePipe } from './room-name.pipe';

interface ChatUser {
  name: string;
}

const userOf = (client: WsClient): ChatUser => client.data.user as ChatUser;

/**
 * The chat: `join` a room (you get its recent history and who is there), `message` the room,
 * `leave` it. Everyone in a room hears joins and leaves. Protocol: JSON `{ event, data }` both ways.
 */
@WebSocketGateway({ path: '/chat', upgradeGuards: [NicknameGuard], maxPayloadLength: 4096, backpressure: { policy: 'drop', limit: 256 * 1024 } })
export class ChatGateway implements OnGatewayConnection, OnGatewayDisconnect {
  @WebSocketServer() server!: WsServer;

  constructor(private readonly history: RoomHistory) {}

  handleConnection(client: WsClient): void {
    client.emit('welcome', { name: userOf(client).name, rooms: this.server.roomNames() });
  }

  /** Rooms no longer count the client; `client.rooms` says which ones to tell. */
  handleDisconnect(client: WsClient): void {
    for (const room of client.rooms) {
      const members = this.memberNames(room);
      if (members.length === 0) this.history.forget(room);
      else this.server.to(room).emit('left', { room, name: userOf(client).name, members });
    }
  }

  @SubscribeMessage('join')
  join(@MessageBody('room', RoomNamePipe) room: string, @ConnectedSocket() client: WsClient): WsResponse {
    if (client.rooms.has(room)) throw new WsException(`already in ${room}`);
    client.join(room);
    const members = this.memberNames(room);
    client.to(room).emit('joined', { room, name: userOf(client).name, members });
    return { event: 'joined', data: { room, name: userOf(client).name, members, history: this.history.of(room) } };
  }

  @SubscribeMessage('leave')
  leave(@MessageBody('room', RoomNamePipe) room: string, @ConnectedSocket() client: WsClient): WsResponse {
    if (!client.rooms.has(room)) throw new WsException(`not in ${room}`);
    client.leave(room);
    const members = this.memberNames(room);
    if (members.length === 0) this.history.forget(room);
    else this.server.to(room).emit('left', { room, name: userOf(client).name, members });
    return { event: 'left', data: { room, name: userOf(client).name, members } };
  }

  /** To everyone in the room, the sender included (its copy is the acknowledgement). */
  @SubscribeMessage('message')
  message(@MessageBody('room', RoomNamePipe) room: string, @MessageBody('text', ChatTextPipe) text: string, @ConnectedSocket() client: WsClient): void {
    if (!client.rooms.has(room)) throw new WsException(`join ${room} first`);
    const line: ChatLine = { room, from: userOf(client).name, text, at: Date.now() };
    this.history.add(line);
    this.server.to(room).emit('message', line);
  }

  /** "x is typing": to the others only. */
  @SubscribeMessage('typing')
  typing(@MessageBody('room', RoomNamePipe) room: string, @ConnectedSocket() client: WsClient): void {
    if (client.rooms.has(room)) client.to(room).emit('typing', { room, name: userOf(client).name });
  }

  @SubscribeMessage('rooms')
  rooms(): Array<{ room: string; members: number }> {
    return this.server.roomNames().map((room) => ({ room, members: this.server.roomSize(room) }));
  }

  private memberNames(room: string): string[] {
    return [...this.server.socketsIn(room)].map((member) => userOf(member).name).sort();
  }
}
