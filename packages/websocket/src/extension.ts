import { registerApplicationExtension } from '@armature/core';
import { attachGateways } from './gateway/attach-gateways';

// Importing @armature/websocket is the whole setup: every application built afterwards opens the
// gateways it finds in its module graph.
registerApplicationExtension({ name: '@armature/websocket', attach: attachGateways });
