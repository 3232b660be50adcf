// uWS topics are shared by every route of the app: each gateway path gets its own namespace.
// Room topics use \u0000 after the path, the "everyone" topic \u0001: no room name can produce it.

export function roomTopic(path: string, room: string): string {
  return `${path}\u0000${room}`;
}

export function everyoneTopic(path: string): string {
  return `${path}\u0001`;
}
