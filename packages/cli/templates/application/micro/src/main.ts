import { App, get } from '@armature/core';
import { greet, hello } from './routes';

// The micro API: routes and middleware compiled into the same route table as the decorator API.
const app = App.new()
  .route('/', get(hello))
  .route('/hello/:name', get(greet));

void app.run(`${process.env.HOST ?? '0.0.0.0'}:${process.env.PORT ?? 3000}`);
