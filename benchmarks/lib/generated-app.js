'use strict';
// An application with N routes, the way an API grows: controllers of ten routes each (list, read,
// create, replace, patch, delete, a sub-resource list and read, a search, a count), each controller
// with an injected service, every module its own feature module. Written as tsc emits decorated
// TypeScript (Reflect.decorate + design:* metadata), so it needs no build step.
//
// Used by the boot benchmark (boot/), the app-build and dispatch-scaling micro-benchmarks.
// `schemas: true` adds what a schema-first app declares: a TypeBox body schema on writes and a
// response schema on reads (one schema object per controller, shared by its routes).
require('reflect-metadata');

const ROUTES_PER_CONTROLLER = 10;

function decorateMethod(cls, key, decorators) {
  const descriptor = Object.getOwnPropertyDescriptor(cls.prototype, key);
  Object.defineProperty(cls.prototype, key, Reflect.decorate(decorators, cls.prototype, key, descriptor) || descriptor);
}
const param = (index, decorator) => (target, key) => decorator(target, key, index);
const design = (paramtypes) => [Reflect.metadata('design:type', Function), Reflect.metadata('design:paramtypes', paramtypes)];

/**
 * The ten routes of one controller: [method name, HTTP decorator, path, [index, parameter
 * decorator][]], and the `@Body()` decorator they share (its parameters are typed Object).
 */
function routesOf(core) {
  const { Get, Post, Put, Patch, Delete, Param, Body, Query } = core;
  const body = Body();
  const routes = [
    ['list', Get, '', [[0, Query('page')]]],
    ['findOne', Get, ':id', [[0, Param('id')]]],
    ['create', Post, '', [[0, body]]],
    ['replace', Put, ':id', [[0, Param('id')], [1, body]]],
    ['update', Patch, ':id', [[0, Param('id')], [1, body]]],
    ['remove', Delete, ':id', [[0, Param('id')]]],
    ['listNotes', Get, ':id/notes', [[0, Param('id')]]],
    ['findNote', Get, ':id/notes/:noteId', [[0, Param('id')], [1, Param('noteId')]]],
    ['search', Get, 'search/all', [[0, Query('q')]]],
    ['count', Get, 'stats/count', []],
  ];
  return { routes, body };
}

/**
 * Builds the root module of an app with `routes` routes (rounded up to a multiple of ten) plus
 * `GET /plaintext`, which answers "Hello, World!" (the probe the boot benchmark waits for) and
 * calls `onPlaintext` first when given.
 */
function createGeneratedModule(core, { routes = 200, schemas = false, onPlaintext } = {}) {
  const { Module, Controller, Get, Header, Injectable } = core;
  const controllers = Math.ceil(routes / ROUTES_PER_CONTROLLER);
  const features = [];

  for (let c = 0; c < controllers; c++) {
    const resource = `resource${c}`;
    class Service {
      constructor() {
        this.items = new Map([['1', { id: '1', name: `${resource} one` }]]);
      }
      find(id) {
        return this.items.get(id) ?? { id, name: `${resource} ${id}` };
      }
    }
    Object.defineProperty(Service, 'name', { value: `Resource${c}Service` });
    Reflect.decorate([Injectable()], Service);

    class FeatureController {
      constructor(service) {
        this.service = service;
      }
      list(page) { return { page: Number(page ?? 1), items: [this.service.find('1')] }; }
      findOne(id) { return this.service.find(id); }
      create(body) { return { created: true, ...body }; }
      replace(id, body) { return { id, ...body }; }
      update(id, body) { return { id, ...body }; }
      remove(id) { return { id, removed: true }; }
      listNotes(id) { return [{ id: `${id}-1`, text: 'note' }]; }
      findNote(id, noteId) { return { id: noteId, of: id, text: 'note' }; }
      search(q) { return { q: q ?? '', items: [] }; }
      count() { return { count: this.service.items.size }; }
    }
    Object.defineProperty(FeatureController, 'name', { value: `Resource${c}Controller` });

    const shapes = schemas ? schemaShapes(core) : undefined;
    const { routes: routeList, body: bodyDecorator } = routesOf(core);
    for (const [method, verb, path, params] of routeList.slice(0, Math.min(ROUTES_PER_CONTROLLER, routes - c * ROUTES_PER_CONTROLLER))) {
      const paramtypes = params.map(([, decorator]) => (decorator === bodyDecorator ? Object : String));
      const decorators = [verb(path), ...params.map(([index, decorator]) => param(index, decorator)), ...design(paramtypes)];
      if (shapes) {
        if (['create', 'replace', 'update'].includes(method)) decorators.push(core.Schema({ body: shapes.body }));
        if (method === 'findOne') decorators.push(core.Schema({ response: shapes.item }));
      }
      decorateMethod(FeatureController, method, decorators);
    }
    Reflect.decorate([Controller(resource), Reflect.metadata('design:paramtypes', [Service])], FeatureController);

    class FeatureModule {}
    Object.defineProperty(FeatureModule, 'name', { value: `Resource${c}Module` });
    Reflect.decorate([Module({ controllers: [FeatureController], providers: [Service] })], FeatureModule);
    features.push(FeatureModule);
  }

  class HealthController {
    plaintext() {
      if (onPlaintext !== undefined) onPlaintext();
      return 'Hello, World!';
    }
  }
  decorateMethod(HealthController, 'plaintext', [Get('plaintext'), Header('Content-Type', 'text/plain'), ...design([])]);
  Reflect.decorate([Controller()], HealthController);

  class AppModule {}
  Reflect.decorate([Module({ imports: features, controllers: [HealthController] })], AppModule);
  return AppModule;
}

/** One body and one response schema per controller, as each resource has its own shapes. */
function schemaShapes(core) {
  const { t } = core;
  return {
    body: t.Object({ name: t.String({ minLength: 1 }), tags: t.Optional(t.Array(t.String())) }),
    item: t.Object({ id: t.String(), name: t.String() }),
  };
}

module.exports = { createGeneratedModule, ROUTES_PER_CONTROLLER };
