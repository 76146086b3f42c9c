// A module's events and renders through the gateway: only what the installed version declares,
// payloads checked against the declaration, written to the outbox, where webhooks hear them.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../../testing/harness.ts';
import { dispatchEvents } from '../../webhooks/dispatch.ts';
import { type Call, events, type GatewayScenario, gatewayScenario } from './gateway.fixtures.ts';

let gw: GatewayScenario;
let owner: TestUser;
let catalog: { id: string; slug: string };
let site: { siteId: string; installationId: string };
let member: Call;
let visitor: Call;
const shop = 'https://shop.example.com';
const submissionId = '0b6f1c8e-6a51-4b8e-9d0c-2f1e5f7a9c3d';

const eventsOf = (type: string) =>
  gw.s.services.db.event.findMany({ where: { siteId: site.siteId, type }, orderBy: { createdAt: 'asc' } });

beforeAll(async () => {
  gw = await gatewayScenario();
  owner = await gw.s.user('Olga');
  catalog = await gw.publish();
  site = await gw.install(owner, catalog.id);
  member = gw.asMember(owner, site.siteId, catalog.id);
  const { token } = await owner.api.installations.embedToken({ ...site, origin: shop });
  visitor = gw.asEmbed(token, shop, catalog.id);
});

describe('emitting a declared event', () => {
  it('answers 202, writes it to the outbox and delivers it to webhooks subscribed to module events', async () => {
    const endpoint = await owner.api.webhooks.create({
      siteId: site.siteId,
      url: 'https://hooks.example/in',
      eventTypes: ['module.event'],
    });
    const everything = await owner.api.webhooks.create({
      siteId: site.siteId,
      url: 'https://hooks.example/all',
      eventTypes: ['site.*'],
    });

    const res = await visitor('POST', 'events', { name: 'form.submitted', payload: { submissionId, email: 'v@example.com' } });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ id: expect.stringMatching(/^evt_/) });

    const [event] = await eventsOf('module.event');
    expect(event).toMatchObject({
      id: res.body.id,
      agencyId: owner.agencyId,
      payload: {
        module: { id: catalog.id, slug: catalog.slug, version: '1.0.0' },
        siteId: site.siteId,
        name: 'form.submitted',
        payload: { submissionId, email: 'v@example.com' },
      },
    });
    expect(await dispatchEvents(gw.s.services.db, gw.s.services.boss, [res.body.id])).toBe(1);
    const deliveries = await gw.s.services.db.webhookDelivery.findMany({ where: { eventId: res.body.id } });
    expect(deliveries.map((d) => d.endpointId)).toEqual([endpoint.id]);
    expect(deliveries.map((d) => d.endpointId)).not.toContain(everything.id);
  });

  it('is listed in the event catalogue, so endpoints can pick it', async () => {
    const { events } = await owner.api.webhooks.catalogue({ siteId: site.siteId });
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['module.event', 'module.rendered']));
  });
});

describe('an event the module may not send', () => {
  it('answers 400 at name for an event the version does not declare, and writes nothing', async () => {
    const before = (await eventsOf('module.event')).length;
    for (const name of ['order.placed', 'module.installed', '']) {
      const res = await member('POST', 'events', { name, payload: {} });
      expect(res.status, name).toBe(400);
      expect(Object.keys(res.body.error.fields ?? {}), name).toEqual(['name']);
    }
    expect((await member('POST', 'events', { name: 'order.placed' })).body.error.fields.name).toMatch(/declares form\.submitted/);
    expect(await eventsOf('module.event')).toHaveLength(before);
  });

  it('answers 400 with a field for each payload problem', async () => {
    const res = await member('POST', 'events', {
      name: 'form.submitted',
      payload: { email: 'not an email', rating: 4.5, channel: 'fax', extra: true },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({
      'payload.submissionId': expect.any(String),
      'payload.email': expect.any(String),
      'payload.rating': expect.any(String),
      'payload.channel': expect.any(String),
      'payload.extra': '"extra" is not a declared property of this event',
    });
  });

  it('answers 400 to a body of the wrong shape or with NUL characters', async () => {
    expect((await member('POST', 'events', { name: 'form.submitted', payload: [1] })).body.error.fields).toHaveProperty(
      'payload',
    );
    expect((await member('POST', 'events', { name: 'form.submitted', payload: {}, at: 'now' })).body.error.fields).toEqual({
      at: 'Unknown field "at"',
    });
    const nul = await member('POST', 'events', { name: 'form.submitted', payload: { submissionId, email: 'a\u0000@b.c' } });
    expect(nul).toMatchObject({ status: 400, body: { error: { fields: { 'payload.email': expect.stringMatching(/NUL/) } } } });
  });

  it('checks against the installed version: an upgrade that declares a new event allows it', async () => {
    const mod = await gw.publish();
    const installed = await gw.install(owner, mod.id);
    const api = gw.asMember(owner, installed.siteId, mod.id);
    const orderPlaced = {
      name: 'order.placed',
      description: 'An order came in',
      payload: { type: 'object', properties: { total: { type: 'number' } }, required: ['total'] },
    };
    expect((await api('POST', 'events', { name: 'order.placed', payload: { total: 12 } })).status).toBe(400);
    const v2 = await gw.publishVersion(mod.id, mod.slug, '2.0.0', { events: [...events, orderPlaced] });
    await owner.api.installations.upgrade({ ...installed, versionId: v2.id });
    expect((await api('POST', 'events', { name: 'order.placed', payload: { total: 12 } })).status).toBe(202);
  });
});

describe('renders', () => {
  it('are recorded as module.rendered events, from the dashboard and from embedding pages', async () => {
    const fromDashboard = await member('POST', 'renders', { entry: 'dashboardPage', surface: 'dashboard' });
    const fromPage = await visitor('POST', 'renders', { entry: 'widget', surface: 'embed' });
    expect([fromDashboard.status, fromPage.status]).toEqual([202, 202]);
    const rendered = await eventsOf('module.rendered');
    expect(rendered.map((e) => e.payload)).toEqual([
      {
        module: { id: catalog.id, slug: catalog.slug, version: '1.0.0' },
        siteId: site.siteId,
        entry: 'dashboardPage',
        surface: 'dashboard',
      },
      {
        module: { id: catalog.id, slug: catalog.slug, version: '1.0.0' },
        siteId: site.siteId,
        entry: 'widget',
        surface: 'embed',
      },
    ]);
  });

  it('refuse what cannot have happened', async () => {
    expect((await visitor('POST', 'renders', { entry: 'widget', surface: 'dashboard' })).status).toBe(403);
    expect((await member('POST', 'renders', { entry: 'dashboardPage', surface: 'embed' })).body.error.fields).toHaveProperty(
      'entry',
    );
    const bad = await member('POST', 'renders', { entry: 'sidebar', surface: 'dashboard' });
    expect(bad).toMatchObject({ status: 400, body: { error: { fields: { entry: expect.any(String) } } } });
    const widgetOnly = await gw.publish({
      type: 'widget',
      entryPoints: { widget: { path: 'dist/widget.html' } },
    });
    const { siteId } = await gw.install(owner, widgetOnly.id);
    const res = await gw.asMember(owner, siteId, widgetOnly.id)('POST', 'renders', {
      entry: 'dashboardPage',
      surface: 'dashboard',
    });
    expect(res.body.error.fields.entry).toMatch(/no dashboardPage entry point/);
  });
});
