import { Injectable } from '@armature/core';

@Injectable()
export class AppService {
  getHello(): string {
    return 'Hello World!';
  }
}
