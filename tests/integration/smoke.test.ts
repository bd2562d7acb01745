import { startApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => { app = await startApp(); });
afterAll(async () => { await app?.stop(); });

it('boots', async () => {
  const res = await app.http().get('/api/articles');
  expect(res.status).toBe(200);
  console.log(JSON.stringify(res.body));
});
