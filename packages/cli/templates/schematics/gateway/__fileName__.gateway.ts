import { MessageBody, SubscribeMessage, WebSocketGateway } from '@armature/websocket';

@WebSocketGateway()
export class {{className}}Gateway {
  // Answers `{ "event": "message", "data": "world" }` with `{ "event": "message", "data": "Hello world!" }`.
  @SubscribeMessage('message')
  handleMessage(@MessageBody() name: string): string {
    return `Hello ${name}!`;
  }
}
